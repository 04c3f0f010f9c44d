import { describe, expect, it } from 'vitest';
// The page inlines the tooltip script that the build puts in dist/assets.
import { htmlPage } from '../../dist/render/html.js';

describe('the HTML page', () => {
  it('keeps a title with <!--<script>, </script>, & and U+2028 inside the inline JSON', () => {
    const title = '<!--<script> </script> & \u2028\u2029 "quoted"';
    const spec = { title: { text: title }, marks: [] };
    const page = htmlPage(spec, title);
    const line = page.split('\n').find((l) => l.startsWith('const spec = '))!;
    const json = line.slice('const spec = '.length, -1);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    // The escapes are JSON's own, so the page's script reads back the same spec.
    expect(JSON.parse(json)).toEqual(spec);
    expect(page.match(/<script>/g)).toHaveLength(3);
    expect(page).toContain('<title>&lt;!--&lt;script&gt; &lt;/script&gt; &amp; \u2028\u2029 &quot;quoted&quot;</title>');
  });
});
