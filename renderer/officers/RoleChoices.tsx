import { Role } from '../../main/common/contract/roles.js';
import { useT } from '../i18n/I18n.js';

/** One checkbox per role; the roles this officer may not grant are left out (the core refuses them anyway). */
export function RoleChoices({
  legend,
  roles,
  grantable,
  onChange,
}: {
  readonly legend: string;
  readonly roles: readonly Role[];
  readonly grantable: readonly Role[];
  readonly onChange: (roles: readonly Role[]) => void;
}) {
  const t = useT();
  return (
    <fieldset className="role-choices">
      <legend>{legend}</legend>
      {Role.options
        .filter((role) => grantable.includes(role))
        .map((role) => (
          <label key={role} className="check-option">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(event) => {
                onChange(event.target.checked ? [...roles, role] : roles.filter((held) => held !== role));
              }}
            />
            {t(`role.${role}`)}
          </label>
        ))}
    </fieldset>
  );
}
