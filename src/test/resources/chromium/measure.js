// Lays out EPUB documents in headless Chromium at a given width and reports, as JSON, what
// the tests check: the fonts that drew each element's text (from the DevTools protocol),
// the boxes of the two dashes of every ——, the lines each part of a title falls on, and
// whether emphasized text has dots or a slant.
// Usage: node measure.js NODE_MODULES CHROMIUM WIDTH SCREENSHOT_DIR FILE...
const [modules, chromium, width, shots, ...files] = process.argv.slice(2);
const puppeteer = require(require.resolve('puppeteer-core', { paths: [modules] }));

function measureInPage() {
  const lineOf = (rect) => Math.round(rect.top + rect.height / 2);
  const dashes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = node.data.indexOf('——'); i >= 0; i = node.data.indexOf('——', i + 2)) {
      const box = (k) => {
        const range = document.createRange();
        range.setStart(node, i + k);
        range.setEnd(node, i + k + 1);
        return range.getBoundingClientRect();
      };
      const first = box(0), second = box(1);
      dashes.push({ firstRight: first.right, secondLeft: second.left, sameLine: lineOf(first) === lineOf(second),
        fontSize: parseFloat(getComputedStyle(node.parentElement).fontSize), width: first.width + second.width });
    }
  }
  const parts = [...document.querySelectorAll('.title-part, .title-phrase')].map((part) => {
    const range = document.createRange();
    range.selectNodeContents(part);
    const text = part.textContent.replace(/[ \u3000]+$/, '');
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map(lineOf));
    return { text, lines: lines.size, fits: part.scrollWidth <= part.parentElement.clientWidth };
  });
  const emphasis = [];
  for (const em of document.querySelectorAll('em')) {
    const texts = document.createTreeWalker(em, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const style = getComputedStyle(node.parentElement);
      const dots = (style.textEmphasisStyle || style.webkitTextEmphasisStyle) !== 'none';
      emphasis.push({ text: node.data, han: /\p{Script=Han}/u.test(node.data), latin: /\p{Script=Latin}/u.test(node.data),
        dots, italic: style.fontStyle === 'italic' });
    }
  }
  return { dashes, parts, emphasis, width: document.documentElement.clientWidth };
}

(async () => {
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true,
    args: ['--no-sandbox', '--allow-file-access-from-files'] });
  const results = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: Number(width), height: 640, deviceScaleFactor: 1 });
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    for (const file of files) {
      await page.goto('file://' + file, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const measured = await page.evaluate(measureInPage);
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId,
        // Code is set in the reader's monospace, as the book embeds no monospaced face; the
        // fonts of a node include those of the elements inside it.
        selector: 'body *:not(pre):not(code):not(:has(code))' });
      const fonts = {};
      for (const nodeId of nodeIds) {
        const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const font of used) {
          const name = font.familyName + (font.isCustomFont ? ' (embedded)' : ' (system)');
          fonts[name] = (fonts[name] || 0) + font.glyphCount;
        }
      }
      const name = file.split('/').pop().replace('.xhtml', '');
      await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: false });
      results.push({ file, fonts, ...measured });
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
})().catch((e) => { console.error(e); process.exit(1); });
