/** Kebab-case slug for ids ("Greg Kroah-Hartman" → "greg-kroah-hartman", accents dropped). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
