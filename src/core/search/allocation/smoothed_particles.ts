/**
 * Kernel-smoothed particles (issue 12: a start for the optimiser that does not depend on the
 * particle noise). Each particle is replaced by four copies of a quarter of its weight, offset by
 * +-sqrt(2) h along each principal axis of its snapshot's cloud: this four-point rule has the mean
 * and covariance (h_1^2, h_2^2 on the axes) of a Gaussian kernel of bandwidths h_i, so a rectangle's
 * mass on the copies is a deterministic estimate of its mass under the kernel-smoothed density.
 * Bandwidths by Silverman's rule in two dimensions, h_i = sigma_i n^(-1/6) (Silverman 1986, eq.
 * 4.14, with (4/(d+2))^(1/(d+4)) = 1 for d = 2), n the effective sample size (sum w)^2 / sum w^2.
 * A particle keeps the same offset (axis and sign) at every snapshot, so its copies drift together.
 */
import type { ParticleWeights, PositionSnapshot } from '../pod.js';

const METRES_PER_DEG_LAT = 111_320;

/** The particles and snapshots with every particle four copies (see the file header). */
export function smoothedParticles(particles: ParticleWeights, snapshots: readonly PositionSnapshot[]): { particles: ParticleWeights; snapshots: PositionSnapshot[] } {
  const n = particles.count, w = particles.weight;
  let sw = 0, sw2 = 0;
  for (let i = 0; i < n; i++) if (w[i] > 0) { sw += w[i]; sw2 += w[i] * w[i]; }
  const nEff = sw2 > 0 ? (sw * sw) / sw2 : 1;
  const factor = Math.pow(Math.max(nEff, 1), -1 / 6);
  const weight = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) for (let c = 0; c < 4; c++) weight[4 * i + c] = w[i] / 4;
  const repeat = <T extends Uint8Array | Uint16Array>(a: T | undefined, make: (m: number) => T): T | undefined => {
    if (!a) return undefined;
    const out = make(4 * n);
    for (let i = 0; i < n; i++) for (let c = 0; c < 4; c++) out[4 * i + c] = a[i];
    return out;
  };
  const status = repeat(particles.status, (m) => new Uint8Array(m));
  const scenario = repeat(particles.scenario, (m) => new Uint16Array(m));
  const out = snapshots.map((s) => {
    // weighted mean and covariance in metres (equirectangular about the mean)
    let mx = 0, my = 0;
    for (let i = 0; i < n; i++) if (w[i] > 0 && Number.isFinite(s.lonDeg[i])) { mx += w[i] * s.lonDeg[i]; my += w[i] * s.latDeg[i]; }
    let tot = 0;
    for (let i = 0; i < n; i++) if (w[i] > 0 && Number.isFinite(s.lonDeg[i])) tot += w[i];
    const lonDeg = new Float64Array(4 * n), latDeg = new Float64Array(4 * n);
    if (!(tot > 0)) {
      for (let i = 0; i < n; i++) for (let c = 0; c < 4; c++) { lonDeg[4 * i + c] = s.lonDeg[i]; latDeg[4 * i + c] = s.latDeg[i]; }
      return { timeS: s.timeS, lonDeg, latDeg };
    }
    mx /= tot; my /= tot;
    const kx = METRES_PER_DEG_LAT * Math.cos((my * Math.PI) / 180), ky = METRES_PER_DEG_LAT;
    let sxx = 0, syy = 0, sxy = 0;
    for (let i = 0; i < n; i++) {
      if (!(w[i] > 0) || !Number.isFinite(s.lonDeg[i])) continue;
      const dx = (s.lonDeg[i] - mx) * kx, dy = (s.latDeg[i] - my) * ky;
      sxx += w[i] * dx * dx; syy += w[i] * dy * dy; sxy += w[i] * dx * dy;
    }
    sxx /= tot; syy /= tot; sxy /= tot;
    // principal axes of the covariance
    const tr = sxx + syy, det = sxx * syy - sxy * sxy, disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
    const l1 = Math.max(0, tr / 2 + disc), l2 = Math.max(0, tr / 2 - disc);
    const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    const e1 = [Math.cos(theta), Math.sin(theta)], e2 = [-Math.sin(theta), Math.cos(theta)];
    const a1 = Math.SQRT2 * factor * Math.sqrt(l1), a2 = Math.SQRT2 * factor * Math.sqrt(l2);
    const offsets = [[a1 * e1[0], a1 * e1[1]], [-a1 * e1[0], -a1 * e1[1]], [a2 * e2[0], a2 * e2[1]], [-a2 * e2[0], -a2 * e2[1]]];
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 4; c++) {
        lonDeg[4 * i + c] = s.lonDeg[i] + offsets[c][0] / kx;
        latDeg[4 * i + c] = s.latDeg[i] + offsets[c][1] / ky;
      }
    }
    return { timeS: s.timeS, lonDeg, latDeg };
  });
  return {
    particles: { count: 4 * n, weight, ...(status ? { status } : {}), ...(scenario ? { scenario } : {}) },
    snapshots: out,
  };
}
