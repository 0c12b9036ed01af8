import { Toaster as Sonner, toast } from 'sonner';

/** Toasts for failed (and finished) actions; errors on screens are shown in place, not here. */
export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton />;
}

export { toast };
