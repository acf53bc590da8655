export { serveDashboard } from './api/dashboard-routes';
export { DashboardBundle, type DashboardFile } from './application/dashboard-bundle';
export { dashboardPaths, type DashboardPaths, prepareDashboard } from './application/dashboard-build';
