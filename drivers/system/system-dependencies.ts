/**
 * What the appliance needs from the operating system beyond Node and its own packages, and the
 * Debian package that provides each. The deb that electron-builder makes depends on these
 * packages, and `.ci/run` installs them; tests hold both to this list.
 */
export interface SystemDependency {
  /** The program or shared library that goes missing. */
  readonly provides: string;
  readonly debianPackage: string;
  /** What stops working without it, for the technician's message. */
  readonly neededFor: string;
}

export const UDEVADM: SystemDependency = { provides: 'udevadm', debianPackage: 'udev', neededFor: 'listing serial ports' };
export const LIBUSB: SystemDependency = { provides: 'libusb-1.0.so.0', debianPackage: 'libusb-1.0-0', neededFor: 'HID readers' };
export const LIBUDEV: SystemDependency = { provides: 'libudev.so.1', debianPackage: 'libudev1', neededFor: 'HID readers' };

export const LIBPCSCLITE: SystemDependency = { provides: 'libpcsclite.so.1', debianPackage: 'libpcsclite1', neededFor: 'e-passport chips' };
export const PCSCD: SystemDependency = { provides: 'pcscd', debianPackage: 'pcscd', neededFor: 'e-passport chips' };

export const APPLIANCE_SYSTEM_DEPENDENCIES: readonly SystemDependency[] = [UDEVADM, LIBUSB, LIBUDEV, LIBPCSCLITE, PCSCD];

/** One line for a technician: what is missing, what it stops, and the command that fixes it. */
export function missingDependencyLine(dependency: SystemDependency): string {
  return `${dependency.provides} is missing (needed for ${dependency.neededFor}); install Debian's ${dependency.debianPackage} package: apt-get install ${dependency.debianPackage}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The dependency whose absence caused this error, if that is what it was. Node reports a missing
 * program as `spawn NAME ENOENT` and the dynamic loader a missing library as `NAME: cannot open
 * shared object file`; anything else is a different failure and is reported as it is.
 */
export function missingDependencyBehind(error: unknown): SystemDependency | null {
  const text = errorText(error);
  for (const dependency of APPLIANCE_SYSTEM_DEPENDENCIES) {
    if (text.includes(`spawn ${dependency.provides} ENOENT`)) return dependency;
    if (text.includes(`${dependency.provides}: cannot open shared object file`)) return dependency;
  }
  return null;
}

/** Why a bus could not be enumerated, as one line: the missing package when that is the cause. */
export function describeBusFailure(bus: string, error: unknown): string {
  const missing = missingDependencyBehind(error);
  return missing === null ? `${bus} could not be listed: ${errorText(error)}` : `${bus} could not be listed: ${missingDependencyLine(missing)}`;
}
