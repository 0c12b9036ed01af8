import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import type { CallInfo } from '@/lib/backend-types';

/**
 * The browser's own player (play, pause, seek, volume; keyboard-accessible) and a download link,
 * only for http(s) recordings: any other URL is never put in a src or href (DESIGN §6).
 */
export function RecordingPlayer({ call }: { call: CallInfo }) {
  const url = call.playableRecordingUrl;
  if (!url) {
    return (
      <p className="text-sm text-muted-foreground">
        {call.recording_url
          ? "Recording not playable: it isn't stored at a web (http) address."
          : 'No recording'}
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <audio
        controls
        preload="none"
        src={url}
        className="h-10 max-w-full min-w-0 flex-1"
        aria-label="Call recording"
      >
        Your browser can't play this recording; download it instead.
      </audio>
      <Button asChild variant="outline" size="sm">
        <a href={url} download>
          <Download aria-hidden="true" />
          Download
        </a>
      </Button>
    </div>
  );
}
