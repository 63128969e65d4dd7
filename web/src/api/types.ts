// The only place that names generated schema types. When the server's OpenAPI document replaces
// web/openapi.json, run `npm run gen:api` and fix the aliases here if a schema was renamed.
import type { components } from './schema';

type Schemas = components['schemas'];

export type ProblemDetails = Schemas['ProblemDetails'];

// Auth
export type LoginRequest = Schemas['LoginRequest'];
export type LoginResponse = Schemas['LoginResponse'];
export type ChangePasswordRequest = Schemas['ChangePasswordRequest'];
export type Me = Schemas['Me'];
export type Permission = Schemas['Permission'];

// Regions, users, dictionaries, audit
export type Region = Schemas['Region'];
export type RegionInput = Schemas['RegionInput'];
export type UserListItem = Schemas['UserListItem'];
export type UserPage = Schemas['UserPage'];
export type UserInput = Schemas['UserInput'];
export type CreatedUserId = Schemas['CreatedUserId'];
export type Dictionary = Schemas['Dictionary'];
export type DictionaryItem = Schemas['DictionaryItem'];
export type DictionaryType = Schemas['DictionaryType'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];
export type FieldChanges = Schemas['FieldChanges'];

// Figures
export type FigureStatus = Schemas['FigureStatus'];
export type FollowerTier = Schemas['FollowerTier'];
export type FigureSort = Schemas['FigureSort'];
export type FigureListItem = Schemas['FigureListItem'];
export type FigurePage = Schemas['FigurePage'];
export type FigureInput = Schemas['FigureInput'];
export type FigureUpdate = Schemas['FigureUpdate'];
export type FigureDetail = Schemas['FigureDetail'];
export type FigureOrganization = Schemas['FigureOrganization'];
export type DuplicateCheckRequest = Schemas['DuplicateCheckRequest'];
export type DuplicateMatch = Schemas['DuplicateMatch'];
export type RevealField = Schemas['RevealRequest']['field'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type CreatedId = Schemas['CreatedId'];

// Accounts, snapshots, positions, honours
export type PlatformAccount = Schemas['PlatformAccount'];
export type AccountInput = Schemas['AccountInput'];
export type AccountUpdate = Schemas['AccountUpdate'];
export type MetricSnapshot = Schemas['MetricSnapshot'];
export type MetricSource = Schemas['MetricSource'];
export type SnapshotInput = Schemas['SnapshotInput'];
export type Position = Schemas['Position'];
export type PositionInput = Schemas['PositionInput'];
export type PositionUpdate = Schemas['PositionUpdate'];
export type Honour = Schemas['Honour'];
export type HonourInput = Schemas['HonourInput'];
export type HonourUpdate = Schemas['HonourUpdate'];

// Organizations
export type OrganizationListItem = Schemas['OrganizationListItem'];
export type OrganizationPage = Schemas['OrganizationPage'];
export type OrganizationInput = Schemas['OrganizationInput'];
export type OrganizationUpdate = Schemas['OrganizationUpdate'];
export type Organization = Schemas['Organization'];
export type OrganizationMember = Schemas['OrganizationMember'];
export type OrganizationMemberInput = Schemas['OrganizationMemberInput'];

// Import / export
export type ImportReport = Schemas['ImportReport'];
export type ImportError = Schemas['ImportError'];
export type ImportJobAccepted = Schemas['ImportJobAccepted'];
export type ImportJob = Schemas['ImportJob'];
export type ImportBatch = Schemas['ImportBatch'];

// Dashboard
export type Dashboard = Schemas['Dashboard'];
export type CountItem = Schemas['CountItem'];
export type MonthCount = Schemas['MonthCount'];

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
