// Where a link really leads when it leads to a document: school sites show their reports in
// document viewers (PDF.js, Google's and Microsoft's online viewers, a CMS's own /viewer?file=)
// and keep them on cloud drives whose share links open a preview page, not the file. Both are
// rewritten to the document's own address before the link is weighed and fetched.

/** Query fields that carry the document in a viewer's address. */
const VIEWER_FIELDS = ['file', 'url', 'src', 'doc', 'document', 'pdf'];
/** Paths of document viewers: PDF.js's viewer.html, /viewer, Google's /viewer and /gview, Office Online's /op/view.aspx and /op/embed.aspx. */
const VIEWER_PATH = /(?:^|\/)(?:viewer(?:\.html?|\.aspx|\.php)?|gview|view\.aspx|embed\.aspx|pdfviewer|docviewer|preview)(?:\/|$)/i;

/** The document a viewer address shows, or null when `url` is no viewer. */
export function documentInViewer(url: URL): URL | null {
  if (!VIEWER_PATH.test(url.pathname)) return null;
  for (const field of VIEWER_FIELDS) {
    const value = url.searchParams.get(field);
    if (!value) continue;
    try {
      const inner = new URL(value, url);
      if (inner.protocol === 'http:' || inner.protocol === 'https:') return inner;
    } catch {
      // not an address: try the next field
    }
  }
  return null;
}

/**
 * A cloud-drive share link rewritten to its direct download: Google Drive files and Docs,
 * OneDrive and SharePoint, Dropbox. Other addresses come back unchanged.
 */
export function directDownload(url: URL): URL {
  const host = url.hostname.toLowerCase();
  if (host === 'drive.google.com') {
    const id = /^\/file\/d\/([\w-]+)/.exec(url.pathname)?.[1] ?? (/^\/(?:open|uc)$/.test(url.pathname) ? url.searchParams.get('id') : null);
    if (id) return new URL(`https://drive.google.com/uc?export=download&id=${encodeURIComponent(id)}`);
  }
  if (host === 'docs.google.com') {
    const m = /^\/(document|presentation)\/d\/([\w-]+)/.exec(url.pathname);
    if (m) return new URL(`https://docs.google.com/${m[1]}/d/${m[2]}/export?format=${m[1] === 'document' ? 'docx' : 'pdf'}`);
  }
  if (host === 'onedrive.live.com' || host === '1drv.ms' || host.endsWith('.sharepoint.com')) {
    const u = new URL(url.href);
    u.searchParams.set('download', '1');
    return u;
  }
  if (host === 'dropbox.com' || host === 'www.dropbox.com') {
    const u = new URL(url.href);
    u.searchParams.set('dl', '1');
    return u;
  }
  return url;
}

/** Whether an address is a cloud drive's: a document kept there counts as the school's own, though on another host. */
export function isCloudDrive(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return ['drive.google.com', 'docs.google.com', 'onedrive.live.com', '1drv.ms', 'dropbox.com', 'www.dropbox.com'].includes(host) || host.endsWith('.sharepoint.com');
}

/** The address a link should be fetched at: the viewer's document, as a direct download. */
export function documentTarget(url: URL): URL {
  return directDownload(documentInViewer(url) ?? url);
}
