import type { Direction } from '../../main/common/contract/config.js';
import { useT } from '../i18n/I18n.js';

/** Entry or exit: preset per lane, switched here when the lane changes direction. */
export function DirectionSwitch({ direction, onDirection }: { readonly direction: Direction; readonly onDirection: (direction: Direction) => void }) {
  const t = useT();
  return (
    <div role="radiogroup" aria-label={t('direction.label')} className="direction-switch">
      {(['entry', 'exit'] as const).map((option) => (
        <label key={option} className={option === direction ? 'direction-option direction-current' : 'direction-option'}>
          <input
            type="radio"
            name="direction"
            value={option}
            checked={option === direction}
            onChange={() => {
              onDirection(option);
            }}
          />
          <span aria-hidden="true">{option === 'entry' ? '→ ' : '← '}</span>
          {t(`direction.${option}`)}
        </label>
      ))}
    </div>
  );
}
