import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { formatQuote } from '@/lib/episode/quote';

/**
 * What every quote names besides the sentence: the show, the episode page it links to (the one
 * the companion accompanies) and that page's time parameter.
 */
export const QuoteSource = createContext<{ show: string; timeParam: string; pageUrl: string }>({
  show: 'Rust in Production',
  timeParam: 't',
  pageUrl: '',
});

type Listener = (message: string) => void;
const listeners = new Set<Listener>();

/**
 * One status line for what the transcript's actions did (copied, a clip saved): hundreds of live
 * regions would each be read out.
 */
export function announce(message: string) {
  for (const listener of listeners) listener(message);
}

export async function copyQuoteText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    announce('Quote copied');
    return true;
  } catch (error) {
    announce(`Could not copy the quote: ${(error as Error).message || 'clipboard not available'}`);
    return false;
  }
}

interface CopyQuoteProps {
  text: string;
  speaker: string;
  seconds: number;
  /** Id of the element the button is about (the sentence or result), read as its description. */
  describedBy?: string;
}

/** "Copy quote": `“text” — Speaker, Show, M:SS` and a link to that moment on this page. */
export function CopyQuote({ text, speaker, seconds, describedBy }: CopyQuoteProps) {
  const source = useContext(QuoteSource);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(false), 1500);
    return () => clearTimeout(timer);
  }, [done]);
  const copy = async (event: MouseEvent) => {
    // Inside a transcript line: copying is not "play from here".
    event.stopPropagation();
    const quote = formatQuote({
      text,
      speaker,
      show: source.show,
      seconds,
      pageUrl: source.pageUrl,
      timeParam: source.timeParam,
    });
    if (await copyQuoteText(quote)) setDone(true);
  };
  return (
    <button
      type="button"
      class={done ? 'copy-quote is-done' : 'copy-quote'}
      aria-label="Copy quote"
      aria-describedby={describedBy}
      title={done ? 'Copied' : 'Copy quote with a link to this moment'}
      onClick={copy}
    >
      <span class="copy-icon" aria-hidden="true">
        {done ? '✓' : '❐'}
      </span>
    </button>
  );
}

/** The visible, announced confirmation ("Quote copied"), shown for a moment after each copy. */
export function CopyStatus() {
  const [message, setMessage] = useState('');
  const [count, setCount] = useState(0);
  useEffect(() => {
    const listener: Listener = (next) => {
      setMessage(next);
      setCount((n) => n + 1);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 2500);
    return () => clearTimeout(timer);
  }, [message, count]);
  return (
    <output aria-live="polite" class={message ? 'copy-status is-shown' : 'copy-status'}>
      {message}
    </output>
  );
}
