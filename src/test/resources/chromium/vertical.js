// Lays out one EPUB document set in vertical lines in headless Chromium and reports, as
// JSON, where the text goes: the box of the first paragraph of the text, the boxes of its
// first character and of the first character of its second line, and for each mark asked
// for, the box of its first occurrence in the viewport scrolled to it, with a screenshot of
// that viewport (at four device pixels to the CSS pixel), for the test to find where the
// glyph's ink lies in the box.
// Usage: node vertical.js NODE_MODULES CHROMIUM WIDTH HEIGHT SHOT_PREFIX FILE MARKS
const [modules, chromium, width, height, prefix, file, marks] = process.argv.slice(2);
const puppeteer = require(require.resolve('puppeteer-core', { paths: [modules] }));

function measureInPage() {
  const box = (r) => ({ x: r.left, y: r.top, width: r.width, height: r.height });
  const charBox = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getBoundingClientRect();
  };
  const paragraph = document.querySelector('section p');
  const texts = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let first = null, second = null;
  for (let node = texts.nextNode(); node && !second; node = texts.nextNode()) {
    for (let i = 0; i < node.data.length && !second; i++) {
      const r = charBox(node, i);
      if (r.width === 0) continue;
      if (!first) first = r;
      else if (Math.abs(r.left - first.left) > first.width / 2) second = r;
    }
  }
  return { writingMode: getComputedStyle(document.body).writingMode, paragraph: box(paragraph.getBoundingClientRect()),
    first: box(first), second: second && box(second) };
}

function markBox(mark) {
  const all = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = all.nextNode(); node; node = all.nextNode()) {
    const i = node.data.indexOf(mark);
    if (i >= 0) {
      node.parentElement.scrollIntoView({ block: 'center', inline: 'center' });
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }
  }
  return null;
}

(async () => {
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true,
    args: ['--no-sandbox', '--allow-file-access-from-files'] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: Number(width), height: Number(height), deviceScaleFactor: 4 });
    await page.goto('file://' + file, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const measured = await page.evaluate(measureInPage);
    await page.evaluate(() => window.scrollTo(document.documentElement.scrollWidth, 0));
    await page.screenshot({ path: `${prefix}-page.png` });
    const cells = [];
    for (const mark of [...marks]) {
      const cell = await page.evaluate(markBox, mark);
      if (!cell) continue;
      const shot = `${prefix}-${mark.codePointAt(0).toString(16)}.png`;
      await page.screenshot({ path: shot });
      cells.push({ mark, cell, shot });
    }
    process.stdout.write(JSON.stringify({ ...measured, cells }));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
