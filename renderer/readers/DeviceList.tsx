import { useId } from 'react';
import type { ReaderDevices } from '../../main/common/contract/reader-console.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { holderText, vendorProduct } from './device-words.js';

/** The serial ports and HID devices this machine sees: what each is, who holds it open, and which configured reader names it. */
export function DeviceList({ devices, onRefresh, disabled }: { readonly devices: ReaderDevices | undefined; readonly onRefresh: () => void; readonly disabled: boolean }) {
  const t = useT();
  const { format } = useLanguage();
  const titleId = useId();
  const serialId = useId();
  const hidId = useId();
  const usedBy = (readers: readonly string[]): string => (readers.length === 0 ? t('readers.unused') : readers.join(', '));
  return (
    <section className="shift-panel readers-devices" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{t('readers.devices')}</h2>
        <button type="button" onClick={onRefresh} disabled={disabled}>
          {t('readers.refresh')}
        </button>
      </div>
      {devices === undefined ? null : (
        <>
          <p className="muted">{t('readers.listedAt', { time: format.clock(new Date(devices.listedAt)) })}</p>
          {devices.problems.length === 0 ? null : (
            <div role="alert" className="message message-bad">
              <p>
                <span aria-hidden="true">✕ </span>
                {t('readers.problems')}
              </p>
              <ul>
                {devices.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
          <h3 id={serialId}>{t('readers.serialPorts')}</h3>
          {devices.serial.length === 0 ? (
            <p className="muted">{t('readers.noSerial')}</p>
          ) : (
            <table className="officer-table device-table" aria-labelledby={serialId}>
              <thead>
                <tr>
                  <th scope="col">{t('readers.portColumn')}</th>
                  <th scope="col">{t('readers.vendorProductColumn')}</th>
                  <th scope="col">{t('readers.manufacturerColumn')}</th>
                  <th scope="col">{t('readers.heldByColumn')}</th>
                  <th scope="col">{t('readers.usedByColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {devices.serial.map((port) => (
                  <tr key={port.path} data-testid={`serial-${port.path}`}>
                    <th scope="row" className="device">
                      {port.path}
                    </th>
                    <td className="device">{vendorProduct(port.vendorId, port.productId)}</td>
                    <td>{[port.manufacturer, port.serialNumber].filter((part) => part !== undefined && part !== '').join(' · ')}</td>
                    <td>{holderText(t, port.heldBy)}</td>
                    <td>{usedBy(port.usedBy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 id={hidId}>{t('readers.hidDevices')}</h3>
          {devices.hid.length === 0 ? (
            <p className="muted">{t('readers.noHid')}</p>
          ) : (
            <table className="officer-table device-table" aria-labelledby={hidId}>
              <thead>
                <tr>
                  <th scope="col">{t('readers.vendorProductColumn')}</th>
                  <th scope="col">{t('readers.productColumn')}</th>
                  <th scope="col">{t('readers.interfaceColumn')}</th>
                  <th scope="col">{t('readers.heldByColumn')}</th>
                  <th scope="col">{t('readers.usedByColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {devices.hid.map((device) => (
                  <tr key={device.path} data-testid={`hid-${device.path}`}>
                    <th scope="row">
                      <span className="device">{vendorProduct(device.vendorId, device.productId)}</span>
                      <span className="device muted device-path">{device.path}</span>
                    </th>
                    <td>{[device.manufacturer, device.product].filter((part) => part !== undefined && part !== '').join(' · ')}</td>
                    <td className="device">
                      {device.interfaceNumber}
                      {device.usagePage === undefined ? null : ` · ${device.usagePage}`}
                    </td>
                    <td>{holderText(t, device.heldBy)}</td>
                    <td>{usedBy(device.usedBy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
