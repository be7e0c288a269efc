import { useState } from 'react';
import { SimulatedDocumentKind } from '../../main/common/contract/rpc-methods.js';
import { useT } from '../i18n/I18n.js';

/** For a demonstration or a technician's test: the simulated reader scans one document of the chosen kind. */
export function SimulateMenu({ disabled, onSimulate }: { readonly disabled: boolean; readonly onSimulate: (kind: SimulatedDocumentKind) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="simulate">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="simulate-kinds"
        disabled={disabled}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        {t('lane.simulate')}
      </button>
      {open ? (
        <ul id="simulate-kinds" className="simulate-kinds">
          {SimulatedDocumentKind.options.map((kind) => (
            <li key={kind}>
              <button
                type="button"
                disabled={disabled}
                onClick={() => {
                  setOpen(false);
                  onSimulate(kind);
                }}
              >
                {t(`lane.simulate.${kind}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
