// A school web page of a given size: CMS-style markup (nested wrapper divs, navigation, inline
// styles and scripts, a footer) around a generated report, as school sites serve them.
import { generateReport, rng } from './prose.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function chrome(school, r) {
  const nav = [];
  for (const menu of ['About us', 'Key information', 'Curriculum', 'Parents', 'Children', 'News and events', 'Contact']) {
    const items = [];
    for (let i = 0; i < 9; i++) {
      const label = `${menu} ${['overview', 'policies', 'letters', 'calendar', 'gallery', 'clubs', 'staff', 'governors', 'term dates'][i]}`;
      items.push(`<li class="menu-item menu-item-type-post_type menu-item-object-page"><a href="/${menu.toLowerCase().replace(/\W+/g, '-')}/${i}">${esc(label)}</a></li>`);
    }
    nav.push(`<li class="menu-item menu-item-has-children"><a href="/${menu.toLowerCase().replace(/\W+/g, '-')}">${esc(menu)}</a><ul class="sub-menu">${items.join('')}</ul></li>`);
  }
  const css = Array.from({ length: 220 }, (_, i) => `.elementor-element-${Math.floor(r.next() * 0xfffffff).toString(16)}{margin:${i % 7}px 0;padding:${i % 5}px;color:#${(i * 2654435761 >>> 8).toString(16).slice(0, 6).padEnd(6, '0')}}`).join('\n');
  const script = `window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-${'X'.repeat(10)}');\n` +
    Array.from({ length: 60 }, (_, i) => `var cfg${i}={"ajaxurl":"https:\\/\\/www.${school.domain}\\/wp-admin\\/admin-ajax.php","nonce":"${(r.next() * 1e16).toString(36)}","i18n":{"close":"Close","next":"Next","prev":"Previous"}};`).join('\n');
  const head = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>SEN Information Report - ${esc(school.name)}</title><link rel="stylesheet" href="/wp-content/themes/school/style.css?ver=6.4.2"><style id="elementor-frontend-inline-css">${css}</style><script>${script}</script></head>`;
  const header = `<body class="page-template-default page page-id-1422 wp-custom-logo elementor-default"><a class="skip-link screen-reader-text" href="#content">Skip to content</a><header id="masthead" class="site-header"><div class="site-branding"><a href="/" rel="home"><img src="/wp-content/uploads/logo.png" alt="${esc(school.name)} logo" width="220" height="90"></a></div><nav id="site-navigation" class="main-navigation" aria-label="Main menu"><ul id="primary-menu" class="menu">${nav.join('')}</ul></nav><div class="header-contact">Telephone: 01632 960${r.int(100, 999)} | Email: office@${school.domain}</div></header>`;
  const footer = `<footer id="colophon" class="site-footer"><div class="footer-widgets"><section class="widget"><h2 class="widget-title">Find us</h2><p>${esc(school.name)}, School Lane, ${school.council} AB1 2CD</p></section><section class="widget"><h2 class="widget-title">Quick links</h2><ul>${['Term dates', 'Lunch menu', 'Ofsted report', 'Performance data', 'Privacy notice', 'Vacancies'].map((t) => `<li><a href="/${t.toLowerCase().replace(/\W+/g, '-')}">${t}</a></li>`).join('')}</ul></section></div><div class="site-info">&copy; 2025 ${esc(school.name)}. Website by Example Web Design.</div></footer><script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"></script><script src="/wp-content/plugins/elementor/assets/js/frontend.min.js?ver=3.18.0"></script></body></html>`;
  return { head, header, footer };
}

function renderBlocks(blocks, links, r) {
  const out = [];
  let list = null;
  let table = null;
  const close = () => {
    if (list) out.push(`<ul class="elementor-icon-list-items">${list.join('')}</ul></div></div>`), (list = null);
    if (table) {
      const rows = [];
      for (let i = 0; i < table.length; i += 3) rows.push(`<tr>${table.slice(i, i + 3).map((c, j) => (i === 0 ? `<th scope="col">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`);
      out.push(`<div class="elementor-widget-container"><table class="wp-block-table"><tbody>${rows.join('')}</tbody></table></div></div>`);
      table = null;
    }
  };
  let linkIndex = 0;
  for (const b of blocks) {
    if (b.kind !== 'list_item' && list) close();
    if (b.kind !== 'table_cell' && table) close();
    const id = Math.floor(r.next() * 0xfffffff).toString(16);
    const wrap = `<div class="elementor-element elementor-element-${id} elementor-widget elementor-widget-text-editor" data-id="${id}" data-element_type="widget" data-widget_type="text-editor.default">`;
    if (b.kind === 'heading') {
      out.push(`</div></div></section><section class="elementor-section elementor-top-section elementor-section-boxed" data-id="${id}"><div class="elementor-container elementor-column-gap-default"><div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap elementor-element-populated"><div class="elementor-widget-container"><h${b.level} class="elementor-heading-title elementor-size-default">${esc(b.text)}</h${b.level}></div>`);
    } else if (b.kind === 'paragraph') {
      let html = esc(b.text);
      // Put the page's links into the text, as editors do.
      const link = links[linkIndex];
      if (link && r.next() < 0.5) {
        linkIndex++;
        html += ` See <a href="${esc(link.url)}" target="_blank" rel="noopener">${esc(link.text)}</a>.`;
      }
      out.push(`${wrap}<div class="elementor-widget-container"><p style="text-align: left;"><span style="font-weight: 400;">${html}</span></p></div></div>`);
    } else if (b.kind === 'list_item') {
      if (!list) {
        list = [];
        out.push(`${wrap}<div class="elementor-widget-container">`);
      }
      list.push(`<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-check"></i></span><span class="elementor-icon-list-text">${esc(b.text)}</span></li>`);
    } else {
      if (!table) {
        table = [];
        out.push(wrap);
      }
      table.push(b.text);
    }
  }
  close();
  return out.join('\n');
}

/**
 * Page furniture that school sites carry besides the report, `size` bytes of it: a mega-menu,
 * an inline SVG icon sprite, a cookie banner and the CMS's inline JSON configuration.
 */
function furniture(school, size, r) {
  const parts = [];
  let used = 0;
  const add = (s) => {
    parts.push(s);
    used += s.length;
  };
  add(`<div id="cookie-law-info-bar" class="cli-bar-container" role="dialog" aria-label="Cookie consent"><span>We use cookies to give you the best experience of our website. <a role="button" class="cli_settings_button">Cookie settings</a> <a role="button" id="cookie_action_close_header" class="cli-plugin-button">Accept</a></span></div>`);
  const menu = [];
  const symbols = [];
  const config = [];
  while (used < size) {
    const i = menu.length;
    const slug = `${['news', 'letters', 'gallery', 'class-pages', 'clubs', 'policies', 'governors', 'vacancies'][i % 8]}-${i}`;
    const item = `<li class="mega-menu-item mega-menu-item-type-post_type mega-menu-item-object-page mega-menu-item-${3000 + i}"><a class="mega-menu-link" href="https://www.${school.domain}/${slug}/" tabindex="0">${esc(slug.replace(/-/g, ' '))}</a></li>`;
    menu.push(item);
    used += item.length;
    if (i % 3 === 0) {
      const d = Array.from({ length: 24 }, () => `${r.int(0, 512)} ${r.int(0, 512)}`).join('L');
      const sym = `<symbol id="icon-${i}" viewBox="0 0 512 512"><path d="M${d}Z"></path></symbol>`;
      symbols.push(sym);
      used += sym.length;
    }
    if (i % 2 === 0) {
      const c = `"w${i}":{"id":"${Math.floor(r.next() * 0xfffffff).toString(16)}","settings":{"motion_fx_motion_fx_scrolling":"yes","sticky":"top","sticky_on":["desktop","tablet"],"_animation":"fadeInUp","_animation_delay":${r.int(0, 900)}}},`;
      config.push(c);
      used += c.length;
    }
  }
  return {
    top: `${parts[0]}<nav class="mega-menu-wrap" aria-label="All pages"><ul id="mega-menu-max_mega_menu_1" class="mega-menu max-mega-menu mega-menu-horizontal">${menu.join('')}</ul></nav>`,
    sprite: `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${symbols.join('')}</svg>`,
    script: `<script id="elementor-frontend-js-before">var elementorFrontendConfig={${config.join('')}"end":1};</script>`,
  };
}

/**
 * An HTML page of about `bytes` bytes (UTF-8) holding a report of about `words` words: the
 * rest is markup and page furniture, as on school sites. Returns the bytes and the word count.
 */
export function makeHtml({ bytes, words, seed = 7 }) {
  const report = generateReport({ words, seed });
  const { head, header, footer } = chrome(report.school, rng(seed + 1));
  const body = renderBlocks(report.blocks, report.links, rng(seed + 2));
  const page = (extra) =>
    `${head}${header}${extra.top}${extra.sprite}<main id="content" class="site-main"><article class="page type-page status-publish"><div class="entry-content"><section class="elementor-section"><div><div>${body}</div></div></section></div></article></main>${footer}${extra.script}`;
  const bare = Buffer.byteLength(page({ top: '', sprite: '', script: '' }));
  const html = page(furniture(report.school, Math.max(0, bytes - bare), rng(seed + 3)));
  return { bytes: Buffer.from(html, 'utf8'), words: report.words, furniture: Math.max(0, bytes - bare) };
}
