// The app shell: checks the session once, sends people who are not signed in to the sign-in page
// (remembering where they were going), and renders the page for the current path inside the NHS.UK
// header and footer. Pages are loaded on demand so the home page carries only its own code.
import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import type { SessionAnswer as Session } from '../../src/core/users/user-shapes.ts';
import { currentSession, whenUnauthorised } from './api/client.ts';
import { Footer } from './components/footer.tsx';
import { Header } from './components/header.tsx';
import { Loading } from './components/states.tsx';
import { Link, matchPath, navigate, useLocation, useTitle } from './router.tsx';
import { SessionContext } from './session.tsx';

const OverviewPage = lazy(() => import('./pages/overview/overview-page.tsx'));
const IcbPage = lazy(() => import('./pages/icbs/icb-page.tsx'));
const ServicesPage = lazy(() => import('./pages/services/services-page.tsx'));
const ServicePage = lazy(() => import('./pages/services/service-page.tsx'));
const ProviderPage = lazy(() => import('./pages/providers/provider-page.tsx'));
const FlowsPage = lazy(() => import('./pages/flows/flows-page.tsx'));
const FootprintsPage = lazy(() => import('./pages/footprints/footprints-page.tsx'));
const SignInPage = lazy(() => import('./pages/sign-in/sign-in-page.tsx'));
const SetPasswordPage = lazy(() => import('./pages/sign-in/set-password-page.tsx'));
const UsersPage = lazy(() => import('./pages/users/users-page.tsx'));
const DataPage = lazy(() => import('./pages/data/data-page.tsx'));
const VariationPage = lazy(() => import('./pages/variation/variation-page.tsx'));
const VariationIcbPage = lazy(() => import('./pages/variation/variation-icb-page.tsx'));
const QualityPage = lazy(() => import('./pages/quality/quality-page.tsx'));
const KpiPage = lazy(() => import('./pages/quality/kpi-page.tsx'));
const PlacesPage = lazy(() => import('./pages/places/places-page.tsx'));
const NetworksPage = lazy(() => import('./pages/places/networks-page.tsx'));
const TriangulationPage = lazy(() => import('./pages/places/triangulation-page.tsx'));
const WiringPage = lazy(() => import('./pages/places/wiring-page.tsx'));
const AssuranceRoundsPage = lazy(() => import('./pages/assurance/rounds-page.tsx'));
const AssuranceRoundPage = lazy(() => import('./pages/assurance/round-page.tsx'));
const AssuranceReviewPage = lazy(() => import('./pages/assurance/review-page.tsx'));
const AssuranceHeatmapPage = lazy(() => import('./pages/assurance/heatmap-page.tsx'));
const AssuranceIntentionsPage = lazy(() => import('./pages/assurance/intentions-page.tsx'));
const AssuranceContractsPage = lazy(() => import('./pages/assurance/contracts-page.tsx'));
const AssuranceAuditPage = lazy(() => import('./pages/assurance/audit-page.tsx'));
const ScenariosPage = lazy(() => import('./pages/planning/scenarios-page.tsx'));
const ScenarioEditorPage = lazy(() => import('./pages/planning/editor-page.tsx'));
const PlanPage = lazy(() => import('./pages/planning/plan-page.tsx'));
const ComparePage = lazy(() => import('./pages/planning/compare-page.tsx'));
const WhatIfPage = lazy(() => import('./pages/planning/what-if-page.tsx'));
const QippDeliveryPage = lazy(() => import('./pages/planning/qipp-delivery-page.tsx'));
const PaymentsPage = lazy(() => import('./pages/assurance/payments-page.tsx'));
const RisksPage = lazy(() => import('./pages/risks/risks-page.tsx'));
const RiskPage = lazy(() => import('./pages/risks/risk-page.tsx'));

const DelegationMatrixPage = lazy(() => import('./pages/delegation/matrix-page.tsx'));
const DelegationOutcomesPage = lazy(() => import('./pages/delegation/outcomes-page.tsx'));
const DelegationModelsPage = lazy(() => import('./pages/delegation/models-page.tsx'));
const OccasionalPracticePage = lazy(() => import('./pages/delegation/occasional-practice-page.tsx'));
const ServiceTieringPage = lazy(() => import('./pages/delegation/service-tiering-page.tsx'));

function pageFor(path: string): ReactNode {
  if (path === '/') return <OverviewPage />;
  if (path === '/services' || path === '/services/') return <ServicesPage />;
  if (path === '/flows') return <FlowsPage />;
  if (path === '/footprints') return <FootprintsPage />;
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/users') return <UsersPage />;
  if (path === '/data') return <DataPage />;
  if (path === '/variation') return <VariationPage />;
  if (path === '/quality') return <QualityPage />;
  const variationIcb = matchPath('/variation/icb/:code', path);
  if (variationIcb) return <VariationIcbPage key={variationIcb.code} code={variationIcb.code!} />;
  const kpi = matchPath('/quality/kpi/:id', path);
  if (kpi) return <KpiPage key={kpi.id} id={kpi.id!} />;
  if (path === '/places') return <PlacesPage />;
  if (path === '/places/networks') return <NetworksPage />;
  if (path === '/places/triangulation') return <TriangulationPage />;
  if (path === '/places/wiring') return <WiringPage />;
  if (path === '/assurance') return <AssuranceRoundsPage />;
  if (path === '/assurance/heatmap') return <AssuranceHeatmapPage />;
  if (path === '/assurance/intentions') return <AssuranceIntentionsPage />;
  if (path === '/assurance/contracts') return <AssuranceContractsPage />;
  if (path === '/assurance/audit') return <AssuranceAuditPage />;
  if (path === '/delegation') return <DelegationMatrixPage />;
  if (path === '/delegation/outcomes') return <DelegationOutcomesPage />;
  if (path === '/delegation/models') return <DelegationModelsPage />;
  if (path === '/delegation/occasional-practice') return <OccasionalPracticePage />;
  const tiering = matchPath('/delegation/services/:code', path);
  if (tiering) return <ServiceTieringPage key={tiering.code} code={tiering.code!} />;
  if (path === '/planning') return <ScenariosPage />;
  if (path === '/planning/new') return <ScenarioEditorPage />;
  if (path === '/planning/compare') return <ComparePage />;
  const editScenario = matchPath('/planning/scenarios/:name/edit', path);
  if (editScenario) return <ScenarioEditorPage key={editScenario.name} name={editScenario.name!} />;
  const delivery = matchPath('/planning/scenarios/:name/delivery', path);
  if (delivery) return <QippDeliveryPage key={delivery.name} name={delivery.name!} />;
  const whatIf = matchPath('/planning/scenarios/:name/whatif', path);
  if (whatIf) return <WhatIfPage key={whatIf.name} name={whatIf.name!} />;
  const plan = matchPath('/planning/scenarios/:name', path);
  if (plan) return <PlanPage key={plan.name} name={plan.name!} />;
  const round = matchPath('/assurance/rounds/:id', path);
  if (round) return <AssuranceRoundPage key={round.id} id={round.id!} />;
  const review = matchPath('/assurance/reviews/:id', path);
  if (review) return <AssuranceReviewPage key={review.id} id={review.id!} />;
  if (path === '/assurance/payments') return <PaymentsPage />;
  if (path === '/risks') return <RisksPage />;
  const risk = matchPath('/risks/:id', path);
  if (risk) return <RiskPage key={risk.id} id={risk.id!} />;
  const icb = matchPath('/icb/:code', path);
  if (icb) return <IcbPage key={icb.code} code={icb.code!} />;
  const provider = matchPath('/providers/:code', path);
  if (provider) return <ProviderPage key={provider.code} code={provider.code!} />;
  const service = matchPath('/services/:code', path);
  if (service) return <ServicePage key={service.code} code={service.code!} />;
  return <NotFound />;
}

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    whenUnauthorised(() => {
      setSession(null);
      const here = window.location.pathname + window.location.search;
      if (!here.startsWith('/sign-in')) navigate(`/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
    });
    currentSession().then(setSession, (error: unknown) => {
      setProblem(error instanceof Error ? error.message : String(error));
      setSession(null);
    });
  }, []);

  const signedIn = Boolean(session);
  const onSignIn = location.path === '/sign-in';
  useEffect(() => {
    if (session === null && !onSignIn && !problem) {
      navigate(`/sign-in?next=${encodeURIComponent(location.href)}`, { replace: true });
    }
  }, [session, onSignIn, location.href, problem]);

  // After a route change, move focus to the main content so keyboard and screen-reader users start there.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page, not of query
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.path]);

  let content: ReactNode;
  if (problem) content = <ServerUnavailable message={problem} />;
  else if (session === undefined || (!signedIn && !onSignIn)) content = <Loading what="Footprint" />;
  else if (session?.user.mustChangePassword && !onSignIn) content = <SetPasswordPage />;
  else content = pageFor(location.path);

  return (
    <SessionContext.Provider value={{ session: session ?? null, setSession }}>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" ref={main} tabIndex={-1}>
          <Suspense fallback={<Loading what="the page" />}>{content}</Suspense>
        </main>
      </div>
      <Footer />
    </SessionContext.Provider>
  );
}

function NotFound() {
  useTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>
        <Link href="/">Go to the England overview</Link>
      </p>
    </>
  );
}

function ServerUnavailable({ message }: { message: string }) {
  useTitle('Service unavailable');
  return (
    <>
      <h1>Sorry, Footprint is not available</h1>
      <p>{message}</p>
      <p>Check that the Footprint server is running, then reload this page.</p>
    </>
  );
}
