/** The draft's roles as a table the analyst corrects: a role can be changed or taken out. */
export const ROLE_CHOICES = ['defendant', 'judge', 'prosecutor', 'district_attorney', 'defence_counsel', 'plaintiff', 'victim', 'injured_party', 'witness', 'juror', 'agency'];

interface Role { who: string; role: string; in: string; inferred?: boolean; reason?: string; sources: unknown[] }
interface Entity { id: string; name: string }
export interface CaseFileJson { case: { id: string }; entities?: Entity[]; roles?: Role[]; [section: string]: unknown }

const REMOVE = '(not a role: take out)';

export function renderRoles(target: HTMLElement, draft: CaseFileJson): void {
  const names = new Map((draft.entities ?? []).map((e) => [e.id, e.name]));
  const table = document.createElement('table');
  table.id = 'roles-table';
  const head = table.createTHead().insertRow();
  for (const title of ['Who', 'Role', 'Stated or inferred']) head.append(Object.assign(document.createElement('th'), { textContent: title }));
  const body = table.createTBody();
  (draft.roles ?? []).forEach((role, index) => {
    const row = body.insertRow();
    row.dataset.who = role.who;
    row.insertCell().textContent = names.get(role.who) ?? role.who;
    const select = document.createElement('select');
    select.dataset.index = String(index);
    select.setAttribute('aria-label', `Role of ${names.get(role.who) ?? role.who}`);
    for (const choice of [...new Set([role.role, ...ROLE_CHOICES]), REMOVE]) select.append(new Option(choice.replace(/_/g, ' '), choice, false, choice === role.role));
    row.insertCell().append(select);
    row.insertCell().textContent = role.inferred ? `inferred: ${role.reason ?? ''}` : 'stated';
  });
  target.replaceChildren(table);
}

/** The draft with the roles as the table now says: changed roles lose their `id` (it names the role), taken out ones go. */
export function correctedDraft(draft: CaseFileJson, target: HTMLElement): CaseFileJson {
  const roles: Role[] = [];
  const seen = new Set<string>();
  target.querySelectorAll<HTMLSelectElement>('select[data-index]').forEach((select) => {
    const role = draft.roles?.[Number(select.dataset.index)];
    if (!role || select.value === REMOVE) return;
    const key = `${role.who}/${select.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    roles.push(select.value === role.role ? role : { ...role, role: select.value, inferred: undefined, reason: undefined });
  });
  const copy: CaseFileJson = { ...draft, roles };
  if (roles.length === 0) delete copy.roles;
  return JSON.parse(JSON.stringify(copy)) as CaseFileJson;
}
