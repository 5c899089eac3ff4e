/**
 * Minutes → the hours shown, the one conversion of the platform (home, /tasks, /points, the roster, a
 * volunteer's page, certificates, teams, needs, projects, dashboards, training): one decimal, cut
 * towards zero, never rounded up. Cut, not rounded, because a shown figure must never claim more than
 * was served: a star, a certificate or a continuing-education requirement reached at "100" h means
 * 6,000 minutes, not 5,997 (which shows 99.9). So 5 minutes show 0 h, 6 minutes 0.1 h, 59 minutes 0.9 h.
 * Dependency-free: usable by server code and client components alike.
 */
export const toHours = (minutes: number): number => Math.trunc(minutes / 6) / 10
