import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from '@/features/auth/login-page';
import { OverviewPage } from '@/features/overview/overview-page';
import { AppLayout } from './app-layout';
import { GuestOnly, RequireAuth } from './auth-gate';
import { NotFoundPage } from './not-found-page';

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<GuestOnly />}>
          <Route path="/login" element={<LoginPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<OverviewPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
