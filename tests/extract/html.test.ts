import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/extract/html.js';

const page = (body: string, head = '<title>SEN Information Report | Oakfield</title>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

const texts = (doc: Awaited<ReturnType<typeof extractHtml>>) => doc.blocks.map((b) => b.text);

describe('extractHtml: what is left out', () => {
  it('drops navigation, header, footer, aside, scripts, forms, hidden parts and the cookie banner', async () => {
    const doc = await extractHtml(
      page(`
        <header><a href="/">Oakfield Primary</a></header>
        <nav><ul><li><a href="/news">News</a></li></ul></nav>
        <div id="cookie-notice">We use cookies. <button>Accept</button></div>
        <div class="gdpr-bar">Manage your privacy</div>
        <script>var tracking = "SENCO";</script><style>p { color: red }</style><noscript>Enable JS</noscript>
        <template><p>Template text</p></template><svg><text>Logo text</text></svg>
        <form action="/search"><label>Search</label><input name="q"></form>
        <p hidden>Hidden text</p><span aria-hidden="true">Icon text</span>
        <iframe src="/map"></iframe>
        <p>Our SENCO is Mrs Bell.</p>
        <aside>Latest news: sports day</aside>
        <footer>© Oakfield Primary School</footer>`),
      'https://oak.example/send/',
    );
    expect(texts(doc)).toEqual(['Our SENCO is Mrs Bell.']);
  });

  it('keeps accordion panels that are hidden until clicked', async () => {
    const doc = await extractHtml(
      page(`<main><h2>Who is the SENCO?</h2><div class="accordion-panel" hidden>Mrs Bell is our SENCO.</div>
        <div role="tabpanel" aria-hidden="true">Email senco@oak.example.</div></main>`),
      null,
    );
    expect(texts(doc)).toEqual(['Who is the SENCO?', 'Mrs Bell is our SENCO.', 'Email senco@oak.example.']);
  });

  it('keeps a page that an ASP.NET form wraps whole', async () => {
    const doc = await extractHtml(page('<form id="aspnetForm"><h1>SEN Information Report</h1><p>Our SENCO is Mrs Bell.</p></form>'), null);
    expect(texts(doc)).toEqual(['SEN Information Report', 'Our SENCO is Mrs Bell.']);
  });

  it('keeps an <aside> inside <main>, a box of the page\'s own; drops the site\'s sidebar', async () => {
    const doc = await extractHtml(
      page(`<main><h1>SEN Information Report</h1><p>${'We support every child. '.repeat(80)}</p>
        <aside><h2>Key contacts</h2><p>SENCO: Mrs Bell, senco@oak.example.sch.uk</p></aside></main>
        <aside><h2>Latest news</h2><p>Sports day is on Friday.</p></aside>`),
      null,
    );
    expect(texts(doc)).toContain('SENCO: Mrs Bell, senco@oak.example.sch.uk');
    expect(texts(doc)).not.toContain('Sports day is on Friday.');
  });

  it('keeps the site\'s sidebar when it is a short contact card for the SENCO, with an email or phone', async () => {
    const report = `<main><h1>SEN Information Report</h1><p>${'We support every child. '.repeat(80)}</p></main>`;
    const card = '<aside class="sidebar"><h2>Contact our SENCO</h2><p>Mrs Harriet Quayle</p><p>01632 960 414</p></aside>';
    const events = `<div role="complementary"><h2>Events</h2><p>The SENCO coffee morning is on 3 May.</p><p>${'More events to come. '.repeat(40)}</p></div>`;
    const doc = await extractHtml(page(report + card + events), null);
    expect(texts(doc)).toEqual(expect.arrayContaining(['Contact our SENCO', 'Mrs Harriet Quayle', '01632 960 414']));
    // Neither a sidebar without a contact, nor a long one that names the SENCO among its news.
    expect(texts(doc).join(' ')).not.toMatch(/coffee morning/);
    const noContact = await extractHtml(page(`${report}<aside><h2>Our SENCO</h2><p>Mrs Harriet Quayle</p></aside>`), null);
    expect(texts(noContact)).not.toContain('Mrs Harriet Quayle');
  });

  it('keeps the page title a <header> inside <main> holds', async () => {
    const doc = await extractHtml(page('<main><header><h1>SEN Information Report</h1></header><p>Text of the report here.</p></main>'), null);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: 'SEN Information Report' });
  });
});

describe('extractHtml: main content', () => {
  const filler = 'Our school supports every child. '.repeat(10);

  it('prefers <main> to the rest of the body', async () => {
    const doc = await extractHtml(page(`<div class="menu">Home About News Contact</div><main><p>${filler}</p></main><div>Unrelated widget text</div>`), null);
    expect(texts(doc)).toEqual([filler.trim()]);
  });

  it('uses a #content container when there is no <main>', async () => {
    const doc = await extractHtml(page(`<div id="top">School menu</div><div id="content"><p>${filler}</p></div><div id="bottom">Address</div>`), null);
    expect(texts(doc)).toEqual([filler.trim()]);
  });

  it('ignores a near-empty <main> and reads the body', async () => {
    const doc = await extractHtml(page(`<main><p>Hi</p></main><div><p>${filler.repeat(3)}</p></div>`), null);
    expect(texts(doc)).toHaveLength(2);
  });

  it('keeps a title <h1> from a banner above the content container', async () => {
    const doc = await extractHtml(page(`<div class="banner"><h1>SEN Information Report</h1></div><main><p>${filler}</p></main>`), null);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: 'SEN Information Report' });
    expect(doc.blocks[1]!.heading).toBe('SEN Information Report');
  });
});

describe('extractHtml: blocks', () => {
  it('gives headings their levels and every block its heading', async () => {
    const doc = await extractHtml(
      page(`<main><h1>SEN Information Report</h1><p>Intro.</p><h2>Who is our SENCO?</h2><p>Mrs Bell.</p>
        <h3>Contact</h3><p>Email her.</p><h2>Local Offer</h2><p>See the council site.</p></main>`),
      null,
    );
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.text, b.heading])).toEqual([
      ['heading', 1, 'SEN Information Report', null],
      ['paragraph', null, 'Intro.', 'SEN Information Report'],
      ['heading', 2, 'Who is our SENCO?', 'SEN Information Report'],
      ['paragraph', null, 'Mrs Bell.', 'Who is our SENCO?'],
      ['heading', 3, 'Contact', 'Who is our SENCO?'],
      ['paragraph', null, 'Email her.', 'Contact'],
      ['heading', 2, 'Local Offer', 'SEN Information Report'],
      ['paragraph', null, 'See the council site.', 'Local Offer'],
    ]);
    expect(doc.format).toBe('html');
    expect(doc.pages).toBeNull();
    expect(doc.textLayer).toBe(true);
  });

  it('reads list items and table cells, with <p> inside them kept as part of them; a row of short cells is one block', async () => {
    const doc = await extractHtml(
      page(`<ul><li>Autism</li><li><p>Dyslexia</p></li></ul>
        <table><tr><th>Need</th><th>Support</th></tr><tr><td>Speech</td><td><p>Therapy weekly</p></td></tr></table>`),
      null,
    );
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['list_item', 'Autism'],
      ['list_item', 'Dyslexia'],
      // A header row names the columns: a heading within the table.
      ['heading', 'Need — Support'],
      ['table_cell', 'Speech — Therapy weekly'],
    ]);
  });

  it('keeps apart the cells of a row with a question or a long answer, and of a row holding a list, in the page’s order', async () => {
    const answer = 'Class teachers check the progress of every pupil each half term, and the SENCO follows up any concern raised by parents.';
    const doc = await extractHtml(
      page(`<table>
        <tr><td>How does the school know if my child needs help?</td><td>${answer}</td></tr>
        <tr><td>Staff training</td><td>Courses:<ul><li>ELKLAN</li><li>Team Teach</li></ul></td></tr>
        <tr><td>Outer<table><tr><td>Inner one</td><td>Inner two</td></tr></table></td><td>After</td></tr>
      </table>`),
      null,
    );
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['table_cell', 'How does the school know if my child needs help?'],
      ['table_cell', answer],
      ['table_cell', 'Staff training'],
      ['table_cell', 'Courses:'],
      ['list_item', 'ELKLAN'],
      ['list_item', 'Team Teach'],
      ['table_cell', 'Outer'],
      ['table_cell', 'Inner one — Inner two'],
      ['table_cell', 'After'],
    ]);
  });

  it('keeps inline elements together and splits lines at <br>', async () => {
    const doc = await extractHtml(
      page('<p>Our <strong>SENCO</strong> is Mrs <em>Jo</em> Bell.<br>Phone 01632 960 000.<br>Email us any time<br>about your child.</p>'),
      null,
    );
    expect(texts(doc)).toEqual(['Our SENCO is Mrs Jo Bell.', 'Phone 01632 960 000.', 'Email us any time about your child.']);
  });

  it('reads text directly in a <div> and around nested blocks', async () => {
    const doc = await extractHtml(page('<div>Before the list<ul><li>Item</li></ul>after the list</div>'), null);
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Before the list'],
      ['list_item', 'Item'],
      ['paragraph', 'after the list'],
    ]);
  });

  it('treats short bold-only paragraphs as headings (level 4), but not bold sentences', async () => {
    const doc = await extractHtml(
      page(`<p><strong>Who is our SENCO?</strong></p><p>Mrs Bell is our SENCO.</p>
        <p><b>Contact details</b></p><p>Phone the office.</p>
        <p><strong>All parents are welcome to visit.</strong></p>
        <p><strong>Mixed</strong> paragraph with plain text</p>`),
      null,
    );
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.text, b.heading])).toEqual([
      ['heading', 4, 'Who is our SENCO?', null],
      ['paragraph', null, 'Mrs Bell is our SENCO.', 'Who is our SENCO?'],
      ['heading', 4, 'Contact details', null],
      ['paragraph', null, 'Phone the office.', 'Contact details'],
      ['paragraph', null, 'All parents are welcome to visit.', 'Contact details'],
      ['paragraph', null, 'Mixed paragraph with plain text', 'Contact details'],
    ]);
  });

  it('reads a bold line before a <br> as the heading of the text after it', async () => {
    const doc = await extractHtml(page('<p><strong>Local Offer</strong><br>Find it on the council website.</p>'), null);
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Local Offer'],
      ['paragraph', 'Find it on the council website.'],
    ]);
  });

  it('reads <summary> and accordion buttons as headings', async () => {
    const doc = await extractHtml(
      page(`<details><summary>How will my child be supported?</summary><p>With a plan.</p></details>
        <button aria-expanded="false" aria-controls="p2">Who is the SENCO?</button><div id="p2" class="panel"><p>Mrs Bell.</p></div>`),
      null,
    );
    expect(doc.blocks.map((b) => [b.kind, b.text, b.heading])).toEqual([
      ['heading', 'How will my child be supported?', null],
      ['paragraph', 'With a plan.', 'How will my child be supported?'],
      ['heading', 'Who is the SENCO?', null],
      ['paragraph', 'Mrs Bell.', 'Who is the SENCO?'],
    ]);
  });
});

describe('extractHtml: links and title', () => {
  it('makes links absolute against the page address, keeps mailto, skips javascript: and bare anchors', async () => {
    const doc = await extractHtml(
      page(`<main><p><a href="/local-offer">Local Offer</a> <a href="policy.pdf">SEND <b>policy</b></a>
        <a href="mailto:senco@oak.example">Email the SENCO</a> <a href="javascript:void(0)">Menu</a>
        <a href="#top">Back to top</a> <a href="https://council.example/so">Council</a> <a href="/empty"></a>
        <a href="/logo"><img src="logo.png" alt="School logo"></a></p></main>`),
      'https://oak.example/send/report.html',
    );
    expect(doc.links).toEqual([
      { text: 'Local Offer', url: 'https://oak.example/local-offer' },
      { text: 'SEND policy', url: 'https://oak.example/send/policy.pdf' },
      { text: 'Email the SENCO', url: 'mailto:senco@oak.example' },
      { text: 'Council', url: 'https://council.example/so' },
      { text: 'School logo', url: 'https://oak.example/logo' },
    ]);
  });

  it('honours <base href> and keeps relative links as written without a base', async () => {
    const withBase = await extractHtml(page('<p><a href="offer">Offer</a></p>', '<base href="https://oak.example/docs/">'), 'https://oak.example/x');
    expect(withBase.links).toEqual([{ text: 'Offer', url: 'https://oak.example/docs/offer' }]);
    const noBase = await extractHtml(page('<p><a href="offer">Offer</a></p>'), null);
    expect(noBase.links).toEqual([{ text: 'Offer', url: 'offer' }]);
  });

  it('takes the title from <title>, else the first <h1>', async () => {
    expect((await extractHtml(page('<h1>Heading</h1>'), null)).title).toBe('SEN Information Report | Oakfield');
    expect((await extractHtml(page('<h2>Sub</h2><h1>Main heading</h1>', ''), null)).title).toBe('Main heading');
  });
});

describe('extractHtml: hostile input', () => {
  it('walks 10,000 nested elements without overflowing the stack', async () => {
    const depth = 10_000;
    const html = page(`${'<div>'.repeat(depth)}<p>Deep SENCO text</p>${'</div>'.repeat(depth)}<p>After</p>`);
    const doc = await extractHtml(html, null);
    expect(texts(doc)).toEqual(['Deep SENCO text', 'After']);
  });

  it('walks 10,000 nested inline elements and links', async () => {
    const depth = 10_000;
    const html = page(`<p>${'<span><a href="/x">'.repeat(depth)}deep${'</a></span>'.repeat(depth)}</p>`);
    const doc = await extractHtml(html, 'https://oak.example/');
    expect(texts(doc)).toEqual(['deep']);
  });

  it('copes with unclosed tags and a page with no <body> markup', async () => {
    const doc = await extractHtml('<p>First paragraph<p>Second <b>bold', null);
    expect(texts(doc)).toEqual(['First paragraph', 'Second bold']);
  });
});
