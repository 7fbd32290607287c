import { describe, expect, it } from 'vitest';
import { html, trusted } from './html.js';

describe('html', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const evil = `"><img src=x onerror=alert(1)>'\``;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&#96;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&#96;</p>');
  });
  it('nests fragments and arrays without escaping them twice', () => {
    expect(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
    expect(html`${trusted('<b>x</b>')}${null}${undefined}${false}${0}`.value).toBe('<b>x</b>0');
  });
});
