/** The roles of motcua; every role is held at a unit and reaches that unit's subtree. */
export const Role = {
  systemAdmin: 'system_admin', // quản trị hệ thống
  unitAdmin: 'unit_admin', // quản trị đơn vị
  leader: 'leader', // lãnh đạo
  monitor: 'monitor', // Văn phòng HĐND&UBND: theo dõi, tổng hợp
  officer: 'officer', // cán bộ Bộ phận Một cửa
  specialist: 'specialist', // chuyên viên xử lý
} as const
export type Role = (typeof Role)[keyof typeof Role]
export const ROLES = Object.values(Role) as readonly Role[]

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  unit_admin: 'Quản trị đơn vị',
  leader: 'Lãnh đạo',
  monitor: 'Văn phòng (theo dõi, tổng hợp)',
  officer: 'Cán bộ Bộ phận Một cửa',
  specialist: 'Chuyên viên xử lý',
}

export const Permission = {
  indicatorsRead: 'indicators:read',
  dossiersRead: 'dossiers:read',
  dossiersWrite: 'dossiers:write',
  /** See identity and phone numbers unmasked. */
  personalData: 'personal_data:read',
  dossiersExport: 'dossiers:export',
  importWrite: 'import:write',
  targetsWrite: 'targets:write',
  calendarWrite: 'calendar:write',
  usersAdmin: 'users:admin',
  auditRead: 'audit:read',
  officialsRead: 'officials:read',
  officialsWrite: 'officials:write',
  /** Submit a report a directive's task asks of the actor's unit. */
  tasksSubmit: 'tasks:submit',
  /** Record directives and their tasks, accept or return submissions of the tasks one monitors. */
  directivesWrite: 'directives:write',
} as const
export type Permission = (typeof Permission)[keyof typeof Permission]
export const PERMISSIONS = Object.values(Permission) as readonly Permission[]

const ALL = PERMISSIONS

/** What each role may do, within its unit's subtree. A table, not scattered ifs. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: ALL,
  unit_admin: ['indicators:read', 'dossiers:read', 'users:admin', 'audit:read', 'officials:read', 'officials:write', 'import:write'],
  leader: ['indicators:read', 'dossiers:read', 'dossiers:write', 'officials:read', 'dossiers:export', 'tasks:submit', 'directives:write'],
  monitor: ['indicators:read', 'dossiers:read', 'targets:write', 'officials:read', 'dossiers:export', 'import:write', 'tasks:submit', 'directives:write'],
  officer: ['indicators:read', 'dossiers:read', 'dossiers:write', 'personal_data:read', 'tasks:submit'],
  specialist: ['indicators:read', 'dossiers:read', 'dossiers:write', 'personal_data:read', 'tasks:submit'],
}

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

/**
 * Permissions whose every action changes data the whole province shares: its working calendar
 * (every due date of every unit) and its procedures' publication (every unit's 1.1–1.3, 3.5, 4.5).
 * They are exercised only by an actor at the root unit; an API token carrying one is issued only
 * there. Kind-wide targets are shared too, but targets:write also sets a unit's own target within
 * the subtree, so that one action checks the root itself.
 */
export const SHARED_DATA_PERMISSIONS: Readonly<Partial<Record<Permission, string>>> = {
  'calendar:write': 'lịch làm việc (ngày nghỉ, ngày làm bù) của cả tỉnh',
  'import:write': 'việc công bố, công khai thủ tục hành chính của cả tỉnh',
}

export function actsOnSharedData(permission: Permission): boolean {
  return SHARED_DATA_PERMISSIONS[permission] !== undefined
}
