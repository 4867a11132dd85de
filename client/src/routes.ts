// Every page of the app: its path pattern, title, and who may see it.
import type { Component } from 'svelte';
import AcceptInvitation from './pages/AcceptInvitation.svelte';
import AccessRequests from './pages/AccessRequests.svelte';
import AdminHome from './pages/AdminHome.svelte';
import AdminMailbox from './pages/AdminMailbox.svelte';
import AdminUsers from './pages/AdminUsers.svelte';
import AdminVerification from './pages/AdminVerification.svelte';
import ConfirmAccount from './pages/ConfirmAccount.svelte';
import ForgotPassword from './pages/ForgotPassword.svelte';
import Landing from './pages/Landing.svelte';
import ListingEdit from './pages/ListingEdit.svelte';
import ListingNew from './pages/ListingNew.svelte';
import Login from './pages/Login.svelte';
import Matches from './pages/Matches.svelte';
import Members from './pages/Members.svelte';
import MyOrganization from './pages/MyOrganization.svelte';
import NeedDetail from './pages/NeedDetail.svelte';
import Needs from './pages/Needs.svelte';
import NotFound from './pages/NotFound.svelte';
import Notifications from './pages/Notifications.svelte';
import OutputDetail from './pages/OutputDetail.svelte';
import Outputs from './pages/Outputs.svelte';
import OrganizationEdit from './pages/OrganizationEdit.svelte';
import OrganizationProfile from './pages/OrganizationProfile.svelte';
import Organizations from './pages/Organizations.svelte';
import Queues from './pages/Queues.svelte';
import DiagnosticHome from './pages/DiagnosticHome.svelte';
import DiagnosticReport from './pages/DiagnosticReport.svelte';
import DiagnosticTake from './pages/DiagnosticTake.svelte';
import Register from './pages/Register.svelte';
import ResetPassword from './pages/ResetPassword.svelte';
import HelpRequests from './pages/HelpRequests.svelte';
import Intermediaries from './pages/Intermediaries.svelte';
import IntermediaryDraftNeed from './pages/IntermediaryDraftNeed.svelte';
import IntermediaryEdit from './pages/IntermediaryEdit.svelte';
import IntermediaryProfile from './pages/IntermediaryProfile.svelte';
import PubliclyFunded from './pages/PubliclyFunded.svelte';
import SectorDetail from './pages/SectorDetail.svelte';
import Sectors from './pages/Sectors.svelte';
import EventAgenda from './pages/EventAgenda.svelte';
import EventCheckIn from './pages/EventCheckIn.svelte';
import EventDashboard from './pages/EventDashboard.svelte';
import EventDetail from './pages/EventDetail.svelte';
import EventEdit from './pages/EventEdit.svelte';
import EventMeeting from './pages/EventMeeting.svelte';
import EventNew from './pages/EventNew.svelte';
import EventPeople from './pages/EventPeople.svelte';
import EventRegister from './pages/EventRegister.svelte';
import EventRequests from './pages/EventRequests.svelte';
import EventSchedule from './pages/EventSchedule.svelte';
import Events from './pages/Events.svelte';
import ChatRoomPage from './pages/ChatRoom.svelte';
import Messages from './pages/Messages.svelte';
import { matchPath } from './lib/router.svelte';

export interface Route {
  path: string;
  title: string;
  // Pages take their path parameters as props; each page declares its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: Component<any>;
  /** Fixed props for pages shared by several routes. */
  props?: Record<string, string>;
  /** `user`: signed in; `admin`: platform administrator; `guest`: signed-out only (others go on). */
  access?: 'user' | 'admin' | 'guest';
}

export const routes: Route[] = [
  { path: '/', title: 'University research for small firms', component: Landing },
  { path: '/register', title: 'Create an account', component: Register, access: 'guest' },
  { path: '/confirm-account', title: 'Finish creating your account', component: ConfirmAccount, access: 'guest' },
  { path: '/login', title: 'Sign in', component: Login, access: 'guest' },
  { path: '/forgot-password', title: 'Reset your password', component: ForgotPassword },
  { path: '/reset-password', title: 'Choose a new password', component: ResetPassword },
  { path: '/invitations/accept', title: 'Join an organization', component: AcceptInvitation },
  { path: '/organizations', title: 'Organizations', component: Organizations },
  { path: '/organizations/:id', title: 'Organization', component: OrganizationProfile },
  { path: '/organizations/:id/edit', title: 'Edit organization', component: OrganizationEdit, access: 'user' },
  { path: '/organizations/:id/members', title: 'Members', component: Members, access: 'user' },
  { path: '/outputs', title: 'Research outputs', component: Outputs },
  { path: '/outputs/new', title: 'New research output', component: ListingNew, props: { kind: 'output' }, access: 'user' },
  { path: '/outputs/:id', title: 'Research output', component: OutputDetail },
  { path: '/outputs/:id/matches', title: 'Matching needs', component: Matches, props: { kind: 'output' }, access: 'user' },
  // Notifications link to the API's resource name; same page.
  { path: '/research-outputs/:id/matches', title: 'Matching needs', component: Matches, props: { kind: 'output' }, access: 'user' },
  { path: '/outputs/:id/edit', title: 'Edit research output', component: ListingEdit, props: { kind: 'output' }, access: 'user' },
  { path: '/needs', title: 'Technology needs', component: Needs },
  { path: '/needs/new', title: 'New technology need', component: ListingNew, props: { kind: 'need' }, access: 'user' },
  { path: '/needs/:id', title: 'Technology need', component: NeedDetail },
  { path: '/needs/:id/matches', title: 'Matching research outputs', component: Matches, props: { kind: 'need' }, access: 'user' },
  { path: '/needs/:id/edit', title: 'Edit need', component: ListingEdit, props: { kind: 'need' }, access: 'user' },
  { path: '/access-requests', title: 'Access requests', component: AccessRequests, access: 'user' },
  { path: '/notifications', title: 'Notifications', component: Notifications, access: 'user' },
  { path: '/messages', title: 'Messages', component: Messages, access: 'user' },
  { path: '/chat/:roomId', title: 'Chat', component: ChatRoomPage, access: 'user' },
  { path: '/my/organization', title: 'My organization', component: MyOrganization, access: 'user' },
  { path: '/diagnostic', title: 'IP diagnostic', component: DiagnosticHome, access: 'user' },
  { path: '/diagnostic/reports/:id', title: 'IP diagnostic report', component: DiagnosticReport, access: 'user' },
  { path: '/diagnostic/:organizationId/take', title: 'Take the IP diagnostic', component: DiagnosticTake, access: 'user' },
  { path: '/intermediaries', title: 'Intermediaries', component: Intermediaries },
  { path: '/intermediaries/:id', title: 'Intermediary', component: IntermediaryProfile },
  { path: '/intermediaries/:id/edit', title: 'Edit directory profile', component: IntermediaryEdit, access: 'user' },
  { path: '/intermediaries/:id/draft-need', title: 'Draft a need on behalf of an SME', component: IntermediaryDraftNeed, access: 'user' },
  { path: '/help-requests', title: 'Help requests', component: HelpRequests, access: 'user' },
  { path: '/sectors', title: 'Sectors', component: Sectors },
  { path: '/sectors/:code', title: 'Sector', component: SectorDetail },
  { path: '/publicly-funded', title: 'Publicly funded technologies', component: PubliclyFunded },
  { path: '/events', title: 'Events', component: Events },
  { path: '/events/new', title: 'Organize an event', component: EventNew, access: 'user' },
  { path: '/events/:id', title: 'Event', component: EventDetail },
  { path: '/events/:id/edit', title: 'Edit event', component: EventEdit, access: 'user' },
  { path: '/events/:id/register', title: 'Register for the event', component: EventRegister, access: 'user' },
  { path: '/events/:id/people', title: 'Whom to meet', component: EventPeople, access: 'user' },
  { path: '/events/:id/requests', title: 'My meeting requests', component: EventRequests, access: 'user' },
  { path: '/events/:id/meetings/:meetingId', title: 'Meeting', component: EventMeeting, access: 'user' },
  { path: '/events/:id/agenda', title: 'My agenda', component: EventAgenda, access: 'user' },
  { path: '/events/:id/schedule', title: 'Schedule', component: EventSchedule, access: 'user' },
  { path: '/events/:id/dashboard', title: 'Event dashboard', component: EventDashboard, access: 'user' },
  { path: '/events/:id/check-in', title: 'Check-in', component: EventCheckIn, access: 'user' },
  { path: '/admin', title: 'Administration', component: AdminHome, access: 'admin' },
  { path: '/admin/users', title: 'Users', component: AdminUsers, access: 'admin' },
  { path: '/admin/mailbox', title: 'Mailbox', component: AdminMailbox, access: 'admin' },
  { path: '/admin/organizations', title: 'Organization verification', component: AdminVerification, access: 'admin' },
  { path: '/admin/queues', title: 'Background jobs', component: Queues, access: 'admin' },
];

const notFound: Route = { path: '*', title: 'Page not found', component: NotFound };

export function resolve(path: string): { route: Route; params: Record<string, string> } {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params: { ...route.props, ...params } };
  }
  return { route: notFound, params: {} };
}
