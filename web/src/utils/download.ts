/** Lets the browser download a same-origin URL (cookies go with it; the server sets the file name). */
export function downloadUrl(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
