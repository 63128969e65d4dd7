// The only place that names generated schema types (src/api/schema.d.ts, made from the server's
// OpenAPI document by `npm run gen:api`). Names follow the server's schemas.
import type { components, paths } from './schema';

type Schemas = components['schemas'];

/**
 * Every property present (undefined removed). The server serializes every property, but its document
 * marks only C# `required` members of class-style records as required (e.g. FigureDetail.id, .version).
 */
type Present<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

// Auth
export type LoginRequest = Schemas['LoginRequest'];
export type LoginResponse = Schemas['LoginResponse'];
export type ChangePasswordRequest = Schemas['ChangePasswordRequest'];
export type MeResponse = Schemas['MeResponse'];
export type TotpSetupResponse = Schemas['TotpSetupResponse'];
export type TotpCodeRequest = Schemas['TotpCodeRequest'];

// Regions, users, dictionaries, audit
export type RegionItem = Schemas['RegionItem'];
export type CreateRegionRequest = Schemas['CreateRegionRequest'];
export type UserItem = Schemas['UserItem'];
export type PagedOfUserItem = Schemas['PagedOfUserItem'];
export type CreateUserRequest = Schemas['CreateUserRequest'];
export type UpdateUserRequest = Schemas['UpdateUserRequest'];
/** Query of GET /api/users: a name part, a role, a region's subtree and a state (`active` / `disabled`). */
export type UserQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;
/** Query of GET /api/contact-logs/file (the list's filters, no paging). */
export type ContactLogFileQuery = NonNullable<paths['/api/contact-logs/file']['get']['parameters']['query']>;
/** Query of GET /api/liaison/assignments/file (the list's filters, no paging). */
export type AssignmentFileQuery = NonNullable<paths['/api/liaison/assignments/file']['get']['parameters']['query']>;
export type CreatedId = Schemas['CreatedId'];
export type OrgUnitItem = Schemas['OrgUnitItem'];
/** Body of POST /api/org-units and (with `version`) PUT /api/org-units/{id}. */
export type OrgUnitInput = Schemas['OrgUnitInput'];
export type OrgUnitCreated = Schemas['OrgUnitCreated'];
export type DictionaryGroup = Schemas['DictionaryGroup'];
export type DictionaryEntry = Schemas['DictionaryEntry'];
export type AuditItem = Schemas['AuditItem'];
export type PagedOfAuditItem = Schemas['PagedOfAuditItem'];
/** `{field: [old, new]}` of an audit line or a history item. */
export type FieldChanges = AuditItem['changes'];

// Figures
export type FigureListItem = Schemas['FigureListItem'];
export type FigurePage = Schemas['FigurePage'];
/** Body of POST /api/figures and (with `version`) PUT /api/figures/{id}. */
export type FigureInput = Schemas['FigureInput'];
/** Body of POST /api/figures: the figure's fields and, optionally, its platform accounts. */
export type CreateFigureInput = Schemas['CreateFigureInput'];
export type FigureCreated = Schemas['FigureCreated'];
export type FigureDetail = Present<Schemas['FigureDetail']>;
export type RestoreFigureRequest = Schemas['RestoreFigureRequest'];
export type FigureOrganizationItem = Schemas['FigureOrganizationItem'];
export type DuplicateCheckRequest = Schemas['DuplicateCheckRequest'];
export type DuplicateMatch = Schemas['DuplicateMatch'];
export type RevealResponse = Schemas['RevealResponse'];
export type HistoryItem = Schemas['HistoryItem'];
/** A background export of the figure list (state queued, running, done or failed). */
export type ExportJob = Schemas['ExportJobStatus'];

// Import (a small file answers with the report, a large one with a job to poll)
/** A dry run's or commit's outcome; `errors` is capped, `errorCount` counts them all. */
export type ImportReport = Present<Schemas['ImportReport']>;
/** One problem of one row: the Excel row number, the column header as written, a message. */
export type RowError = Schemas['RowError'];
export type ImportJobAccepted = Schemas['ImportJobAccepted'];
/** A large import's state (queued, running, done or failed), progress 0..1 and, when done, its report. */
export type ImportJob = Omit<Schemas['ImportJobStatus'], 'report'> & { report: ImportReport | null };
export type ImportBatch = Schemas['ImportBatchItem'];
export type ImportBatchPage = Schemas['ImportBatchPage'];
/** A dictionary column's word the dictionary does not know, its rows and suggested codes (best first). */
export type UnknownValue = Schemas['UnknownValue'];
/** A word → code mapping remembered for a region's imports. */
export type ImportMapping = Schemas['ImportMappingView'];

// Accounts, snapshots, positions, honours (inputs carry `version` on PUT)
export type AccountItem = Schemas['AccountItem'];
export type AccountInput = Schemas['AccountInput'];
export type SnapshotItem = Schemas['SnapshotItem'];
export type SnapshotInput = Schemas['SnapshotInput'];
export type PositionItem = Schemas['PositionItem'];
export type PositionInput = Schemas['PositionInput'];
export type HonourItem = Schemas['HonourItem'];
export type HonourInput = Schemas['HonourInput'];

// Organizations
export type OrganizationListItem = Schemas['OrganizationListItem'];
export type PagedOfOrganizationListItem = Schemas['PagedOfOrganizationListItem'];
export type OrganizationInput = Schemas['OrganizationInput'];
export type OrganizationCreated = Schemas['OrganizationCreated'];
export type OrganizationDetail = Schemas['OrganizationDetail'];
export type OrganizationFigure = Schemas['OrganizationFigure'];
export type LinkFigureRequest = Schemas['LinkFigureRequest'];

// Help requests
export type HelpRequestInput = Schemas['HelpRequestInput'];
export type HelpRequestCreated = Schemas['HelpRequestCreated'];
export type HelpRequestListItem = Schemas['HelpRequestListItem'];
export type PagedOfHelpRequestListItem = Schemas['PagedOfHelpRequestListItem'];
export type HelpRequestDetail = Schemas['HelpRequestDetail'];
export type HelpRequestPartItem = Schemas['HelpRequestPartItem'];
export type HelpRequestTimelineItem = Schemas['HelpRequestTimelineItem'];
export type HelpRequestStatus = Schemas['HelpRequestStatus'];
export type HelpRequestUrgency = Schemas['HelpRequestUrgency'];
export type HelpRequestChannel = Schemas['HelpRequestChannel'];
export type HelpRequestSatisfaction = Schemas['Satisfaction'];
export type HelpRequestPartStatus = Schemas['PartStatus'];
export type HelpRequestStats = Schemas['HelpRequestStats'];
export type RouteHelpRequestInput = Schemas['RouteHelpRequestInput'];

// Dashboard
export type DashboardResponse = Schemas['DashboardResponse'];
export type CountItem = Schemas['CountItem'];
export type MonthCount = Schemas['MonthCount'];

// Notifications and notices
export type NotificationItem = Schemas['NotificationItem'];
export type PagedOfNotificationItem = Schemas['PagedOfNotificationItem'];
export type UnreadCount = Schemas['UnreadCount'];
export type NotificationSettingItem = Schemas['NotificationSettingItem'];
export type NotificationSettingsBody = Schemas['NotificationSettingsBody'];
export type NoticeItem = Schemas['NoticeItem'];
export type PagedOfNoticeItem = Schemas['PagedOfNoticeItem'];
export type PublishNoticeBody = Schemas['PublishNoticeBody'];
export type NoticeAudienceInput = Schemas['NoticeAudienceInput'];
// Members: invitations, activation, a member's own record, corrections and withdrawal requests
export type CreateInvitationsRequest = Schemas['CreateInvitationsRequest'];
/** A new invitation: the code and link are shown this once. */
export type InvitationCreated = Schemas['InvitationCreated'];
export type InvitationItem = Schemas['InvitationItem'];
export type PagedOfInvitationItem = Schemas['PagedOfInvitationItem'];
export type InvitationPreview = Schemas['InvitationPreview'];
export type ActivateRequest = Schemas['ActivateRequest'];
export type ActivatedAccount = Schemas['ActivatedAccount'];
export type MyFigure = Present<Schemas['MyFigure']>;
export type MyAccount = Schemas['MyAccount'];
export type ProposeCorrectionRequest = Schemas['ProposeCorrectionRequest'];
export type CorrectionCreated = Schemas['CorrectionCreated'];
/** A correction or withdrawal request; `changes` is `{field: {label, before, after}}` (masked for sensitive fields). */
export type CorrectionItem = Schemas['CorrectionItem'];
export type PagedOfCorrectionItem = Schemas['PagedOfCorrectionItem'];
export type DecideCorrectionRequest = Schemas['DecideCorrectionRequest'];
export type WithdrawalRequest = Schemas['WithdrawalRequest'];
/** 邀请开通 from a selection: each figure invited or skipped (`active`, `noMobile`, `left`) with why. */
export type InviteSelectionResult = Schemas['InviteSelectionResult'];
export type InviteSelectionItem = Schemas['InviteSelectionItem'];
export type ExportInvitationLinksRequest = Schemas['ExportInvitationLinksRequest'];
export type WeChatBindingState = Schemas['WeChatBindingState'];
export type BindWeChatRequest = Schemas['BindWeChatRequest'];
// Joint-meeting task plans
export type TaskPlanListItem = Schemas['TaskPlanListItem'];
export type PagedOfTaskPlanListItem = Schemas['PagedOfTaskPlanListItem'];
export type CreateTaskPlanRequest = Schemas['CreateTaskPlanRequest'];
export type TaskPlanCreated = Schemas['TaskPlanCreated'];
export type TaskPlanDetail = Schemas['TaskPlanDetail'];
export type PlanTaskItem = Schemas['PlanTaskItem'];
export type PlanTaskInput = Schemas['PlanTaskInput'];
export type PlanTaskCreated = Schemas['PlanTaskCreated'];
export type TaskReportItem = Schemas['TaskReportItem'];
export type UnitRef = Schemas['UnitRef'];
export type ReportTaskRequest = Schemas['ReportTaskRequest'];
export type TaskReportSaved = Schemas['TaskReportSaved'];
export type TaskImportReport = Schemas['TaskImportReport'];
export type ImportedTask = Schemas['ImportedTask'];
export type DispatchView = Schemas['DispatchView'];
export type DispatchRow = Schemas['DispatchRow'];
export type DispatchCell = Schemas['DispatchCell'];
export type MyTasks = Schemas['MyTasks'];
export type MyTaskItem = Schemas['MyTaskItem'];

// ---- Values the document types as plain strings; the sets below are from docs/api-contract.md ----

/** Permission strings of MeResponse.permissions. */
export const PERMISSIONS = [
  'figures.read', 'figures.write', 'figures.import', 'figures.export', 'figures.reveal',
  'organizations.read', 'organizations.write', 'dashboard.read',
  'users.manage', 'regions.manage', 'dictionaries.manage', 'audit.read',
  'members.invite', 'corrections.review', 'member.self',
  'tasks.read', 'tasks.overview', 'tasks.manage', 'tasks.report', 'tasks.own',
  'help-requests.view', 'help-requests.read', 'help-requests.create', 'help-requests.handle', 'help-requests.reply',
  'users.manage', 'regions.manage', 'dictionaries.manage', 'audit.read', 'notices.publish',
  'members.invite', 'corrections.review', 'member.self',
  'liaison.read', 'liaison.manage', 'liaison.contacts.read', 'liaison.contacts.write', 'liaison.own',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** DictionaryGroup.type values. */
export type DictionaryType =
  | 'category' | 'platform' | 'ethnicity' | 'politicalAffiliation' | 'education' | 'keyLevel' | 'source'
  | 'positionKind' | 'positionLevel' | 'honourLevel' | 'organizationType' | 'field'
  | 'contactWay' | 'contactRule' | 'helpRequestCategory';

/** OrgUnitItem.kind values. */
export const ORG_UNIT_KINDS = ['department', 'memberUnit', 'association', 'other'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** NoticeAudienceInput.kind values. */
export const NOTICE_AUDIENCES = ['members', 'category', 'keyFigures', 'orgUnit'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

export type FigureStatus = 'active' | 'left' | 'transferred';
export type FollowerTier = '10k' | '100k' | '1m' | '10m';
export type FigureSort = 'name' | '-followers' | '-enrolledOn' | 'region';
export type MetricSource = 'self' | 'staff' | 'import';
export type RevealField = 'idNumber' | 'phone' | 'homeAddress';

/** Query of GET /api/figures (and of the export, without paging). */
export interface FigureQuery {
  q?: string;
  regionCode?: string;
  category?: string;
  keyLevel?: string;
  platform?: string;
  followerTier?: FollowerTier | '';
  tag?: string;
  status?: FigureStatus | 'all';
  sort?: FigureSort;
  page?: number;
  pageSize?: number;
}

// Liaison (结对联络)
export type AssignFigureRequest = Schemas['AssignFigureRequest'];
export type AssignmentCreated = Schemas['AssignmentCreated'];
export type AssignmentItem = Schemas['AssignmentItem'];
export type PagedOfAssignmentItem = Schemas['PagedOfAssignmentItem'];
export type EndAssignmentRequest = Schemas['EndAssignmentRequest'];
export type ReassignFiguresRequest = Schemas['ReassignFiguresRequest'];
export type ReassignResult = Schemas['ReassignResult'];
export type CadreItem = Schemas['CadreItem'];
export type MyFigureItem = Schemas['MyFigureItem'];
export type DueItem = Schemas['DueItem'];
export type DueState = Schemas['DueState'];
export type PagedOfDueItem = Schemas['PagedOfDueItem'];
/** Body of POST /api/contact-logs and (with `version`) PUT /api/contact-logs/{id}. */
export type ContactLogInput = Schemas['ContactLogInput'];
export type ContactLogCreated = Schemas['ContactLogCreated'];
export type ContactLogItem = Schemas['ContactLogItem'];
export type PagedOfContactLogItem = Schemas['PagedOfContactLogItem'];
export type DueSort = 'nextDueOn' | '-nextDueOn' | 'name' | 'lastContactOn' | '-lastContactOn';
export type FeedbackFormView = Schemas['FeedbackFormView'];
export type FeedbackRow = Schemas['FeedbackRow'];
export type SaveFeedbackFormRequest = Schemas['SaveFeedbackFormRequest'];
export type FeedbackSummaryView = Schemas['FeedbackSummaryView'];
export type FeedbackRequestRow = Schemas['FeedbackRequestRow'];
export type FeedbackCadreItem = Schemas['FeedbackCadreItem'];
export type NeverContactedItem = Schemas['NeverContactedItem'];
export type ContactCoverageView = Schemas['ContactCoverageView'];
export type CoverageGroup = Schemas['CoverageGroup'];

// Attachments
export type AttachmentItem = Schemas['AttachmentItem'];
export type AttachmentList = Schemas['AttachmentList'];
