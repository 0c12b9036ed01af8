import { lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '@/features/auth/login-page';
import { AppLayout } from './app-layout';
import { GuestOnly, RequireAuth } from './auth-gate';
import { NotFoundPage } from './not-found-page';

// Screens load lazily so the first page stays light (DESIGN §7: initial JavaScript budget).
const LivePage = lazy(() => import('@/features/live/live-page'));
const CampaignsPage = lazy(() => import('@/features/campaigns/campaigns-page'));
const CampaignDetailPage = lazy(() => import('@/features/campaigns/campaign-detail-page'));
const CandidatesPage = lazy(() => import('@/features/candidates/candidates-page'));
const OverviewPage = lazy(() => import('@/features/overview/overview-page'));
const SearchPage = lazy(() => import('@/features/search/search-page'));
const AttentionPage = lazy(() => import('@/features/attention/attention-page'));

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<GuestOnly />}>
          <Route path="/login" element={<LoginPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<Navigate to="/live" replace />} />
            <Route path="/live" element={<LivePage />} />
            <Route path="/campaigns" element={<CampaignsPage />} />
            <Route path="/campaigns/:campaign" element={<CampaignDetailPage />} />
            <Route path="/candidates" element={<CandidatesPage />} />
            <Route path="/overview" element={<OverviewPage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/attention" element={<AttentionPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
