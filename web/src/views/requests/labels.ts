/** Tag colours of the workflow states (Element Plus tag types). */
export function statusTagType(status: string): 'info' | 'warning' | 'primary' | 'success' | 'danger' {
  switch (status) {
    case 'submitted': return 'warning';
    case 'accepted': return 'info';
    case 'routed':
    case 'inProgress': return 'primary';
    default: return 'success';
  }
}

export function partTagType(status: string): 'info' | 'warning' | 'primary' | 'success' | 'danger' {
  switch (status) {
    case 'pending': return 'primary';
    case 'replied': return 'success';
    case 'returned': return 'warning';
    default: return 'info';
  }
}
