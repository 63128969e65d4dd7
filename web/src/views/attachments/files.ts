/** "1.2 MB", "350 KB", "12 B". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Whether the file name ends with one of the accepted extensions (".jpg,.png,…"), in any case. */
export function hasAllowedExtension(name: string, accept: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  const ext = name.slice(dot).toLowerCase();
  return accept.split(',').map((e) => e.trim().toLowerCase()).includes(ext);
}
