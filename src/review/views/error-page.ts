import { html } from '../html.js';
import { page, type PageContext } from './layout.js';

export function errorPage(ctx: PageContext, title: string, text: string): string {
  return page(ctx, title, html`<section class="error-page"><h1>${title}</h1><p>${text}</p><p><a href="/queue">К очереди</a></p></section>`);
}
