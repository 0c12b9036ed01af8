import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, lazy, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppLayout } from '@/app/app-layout';
import { RequireAuth } from '@/app/auth-gate';
import { ErrorBoundary } from '@/app/error-boundary';
import { AppProviders } from '@/app/providers';
import { CAMPAIGN, type World } from './world';

// The screens under test, mounted as the app mounts them: its providers (QueryClient, session
// sync and the real realtime sync), layout, auth gate and lazy pages, with the candidate dialog
// open over each page from the URL. Three routers share the one QueryClient, each with the dialog
// on another tab (Radix Tabs mount only the open tab): the Live page with the chat, the campaign
// page with the calls, the candidates page with the timeline. A MemoryRouter each, as
// BrowserRouter has one URL per window; the routes are those of src/app/router.tsx.

const LivePage = lazy(() => import('@/features/live/live-page'));
const CampaignDetailPage = lazy(() => import('@/features/campaigns/campaign-detail-page'));
const CandidatesPage = lazy(() => import('@/features/candidates/candidates-page'));

export type ScreenId = 'live' | 'campaign' | 'candidates';
export type DialogTab = 'chat' | 'calls' | 'timeline';

export interface Screen {
  id: ScreenId;
  url: string;
  tab: DialogTab;
}

export function screensOf(world: World): Screen[] {
  const candidate = `candidate=${encodeURIComponent(world.open.e164)}`;
  return [
    { id: 'live', url: `/live?${candidate}&tab=chat`, tab: 'chat' },
    {
      id: 'campaign',
      url: `/campaigns/${encodeURIComponent(CAMPAIGN)}?${candidate}&tab=calls`,
      tab: 'calls',
    },
    { id: 'candidates', url: `/candidates?${candidate}&tab=timeline`, tab: 'timeline' },
  ];
}

function AppRoutes() {
  return (
    <Routes>
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route path="/live" element={<LivePage />} />
          <Route path="/campaigns/:campaign" element={<CampaignDetailPage />} />
          <Route path="/candidates" element={<CandidatesPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

function Screens({ screens }: { screens: Screen[] }) {
  return screens.map((screen) => (
    <div key={screen.id} data-sync-screen={screen.id}>
      <MemoryRouter initialEntries={[screen.url]}>
        <AppRoutes />
      </MemoryRouter>
    </div>
  ));
}

function ExposeClient({ onClient }: { onClient: (client: QueryClient) => void }) {
  const client = useQueryClient();
  useEffect(() => onClient(client), [client, onClient]);
  return null;
}

export interface MountedTree {
  container: HTMLElement;
  queryClient: QueryClient;
  unmount(): void;
}

function mount(element: ReactNode): Omit<MountedTree, 'queryClient'> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  // Without StrictMode, as the production build runs: its doubled renders and effects only
  // slow jsdom down here.
  root.render(element);
  return {
    container,
    unmount() {
      root.unmount();
      container.remove();
    },
  };
}

/** The app as it runs: its own providers, QueryClient and realtime sync. */
export async function mountLive(screens: Screen[]): Promise<MountedTree> {
  let tree: Omit<MountedTree, 'queryClient'> | undefined;
  const queryClient = await new Promise<QueryClient>((resolve) => {
    tree = mount(
      <ErrorBoundary>
        <AppProviders>
          <ExposeClient onClient={resolve} />
          <Screens screens={screens} />
        </AppProviders>
      </ErrorBoundary>,
    );
  });
  return { ...tree!, queryClient };
}

/**
 * The same screens loaded afresh: a new QueryClient, no realtime, nothing refetched after the
 * first load (staleTime Infinity), so what they show is one fresh load of each query.
 */
export function mountFresh(screens: Screen[]): MountedTree {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  const tree = mount(
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <Screens screens={screens} />
      </QueryClientProvider>
    </ErrorBoundary>,
  );
  return { ...tree, queryClient };
}
