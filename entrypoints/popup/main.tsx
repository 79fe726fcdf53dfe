import { render } from 'preact';
import { PagesPopup } from '@/components/PagesPopup';
import './popup.css';

render(<PagesPopup />, document.getElementById('app')!);
