/** 3725000 ms -> "1:02:05"; days are spelt out ("2 d 03:00:00") for appliances that run for weeks. */
export function formatUptime(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (value: number): string => String(value).padStart(2, '0');
  if (days > 0) return `${String(days)} d ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return `${String(hours)}:${pad(minutes)}:${pad(seconds)}`;
}
