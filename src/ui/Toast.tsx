/** A short confirmation (link copied, kube-proxy mode switched), announced politely. */
import { useStore } from './store';

export function Toast() {
  const toast = useStore((s) => s.toast);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div key={toast.id} className="toast" data-testid="toast">
          {toast.text}
        </div>
      )}
    </div>
  );
}
