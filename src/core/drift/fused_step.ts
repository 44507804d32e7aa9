import type { UniformSlice } from '../environment/index.js';
import { EARTH_RADIUS_M } from '../geo/units.js';
import { applyJibes, secantDeg, type LeewayStepInput } from './leeway_step.js';
import { ParticleStatus, primeKernel, type Particles } from './particles.js';

const DEG_PER_M = 180 / Math.PI / EARTH_RADIUS_M;

/**
 * The grids' and the clear-water cells' real-valued geometry, read by the kernel through this
 * array so that the loop gets them as doubles. A whole number (longitude 128, 10 cells a degree)
 * is a double in the objects the main thread built from a file, but a small integer in the copies
 * a worker thread rebuilds from a structured clone; the kernel compiled from the worker's then
 * converted them in the loop, 4.4 ns a particle-step (40.5 against 36.1 ns, one thread on the same
 * forcing as loaded and as rebuilt, bench/RESULTS.md 2026-12-04). Stored and read back, a value is
 * the same number, so nothing changes but its representation.
 */
const REALS = new Float64Array(13);

/** The inputs of the one-pass step: leewayStep's, with the two fields' slices instead of sampled buffers. */
export interface FusedStepInput extends Omit<LeewayStepInput, 'windEastMps' | 'windNorthMps' | 'currentEastMps' | 'currentNorthMps'> {
  readonly wind: UniformSlice;
  readonly current: UniformSlice;
}

/** Whether fusedLeewayStep has been primed in this thread (primeKernel). */
let primed = false;

/**
 * One drift step in one pass over the particles, for the common case of a wind and a current that
 * are each one gridded field on an evenly spaced lon/lat grid (GriddedField.uniformSlice): each
 * particle's wind and current are interpolated inline and it moves at once, where the general path
 * (sampleBatch for the wind, sampleBatch for the current, then leewayStep) makes three passes and
 * writes and reads back four per-particle buffers, memory traffic that cost more than the
 * arithmetic (75 → 58 ns a particle-step, CPU time on the shared machine, on the east-sea pair with
 * the coastline: tmp measurements in bench/RESULTS.md).
 *
 * The arithmetic repeats GriddedField.interpolateUniform's and leewayStep's operation for
 * operation and in the same order, so positions, statuses and coverage flags are the same bit for
 * bit as the general path's (src/core/drift/fused_step.test.ts compares whole runs); keep the
 * three in step when one changes. At sea nearly every step is known to stay in water from one
 * byte of the shoreline's clear-water cells (Shoreline.clearWater) and skips firstShoreCrossing,
 * whose answer for those steps is the same −1 (about 20 ns of 100 a particle-step on the east-sea
 * pair, bench/RESULTS.md). Hand-written hot loop: allocates nothing per particle.
 */
export function fusedLeewayStep(p: Particles, input: FusedStepInput): void {
  if (!primed) { primed = true; primeKernel(fusedLeewayStep, input); }
  const { dtS, windCovered, currentCovered, shoreline, wind, current } = input;
  const { lonDeg, latDeg, status } = p;
  const { downwindSlope, downwindOffsetMps, crosswindSlope, crosswindOffsetMps } = p;
  const { elapsedS, jibeRatePerS } = input;
  const seed = input.seed >>> 0;
  const { nextJibeS } = p;
  const first = p.firstIndex;
  const { particleDtS } = input;
  const degPerMetreStep = dtS * DEG_PER_M;
  // the wind's slice
  const WE = wind.east, WN = wind.north, wNx = wind.nx, wMaxJ = wind.maxJ, wMaxI0 = wind.maxI0, wMaxJ0 = wind.maxJ0;
  REALS[0] = wind.lon0Deg; REALS[1] = wind.lat0Deg; REALS[2] = wind.invDLonDeg; REALS[3] = wind.invDLatDeg; REALS[4] = wind.lonSpanDeg;
  const wLon0 = REALS[0], wLat0 = REALS[1], wInvDLon = REALS[2], wInvDLat = REALS[3], wSpan = REALS[4];
  // the current's
  const CE = current.east, CN = current.north, cNx = current.nx, cMaxJ = current.maxJ, cMaxI0 = current.maxI0, cMaxJ0 = current.maxJ0;
  REALS[5] = current.lon0Deg; REALS[6] = current.lat0Deg; REALS[7] = current.invDLonDeg; REALS[8] = current.invDLatDeg; REALS[9] = current.lonSpanDeg;
  const cLon0 = REALS[5], cLat0 = REALS[6], cInvDLon = REALS[7], cInvDLat = REALS[8], cSpan = REALS[9];
  // the shoreline's clear-water cells (a step that certainly stays in water skips firstShoreCrossing)
  const clearWater = shoreline?.clearWater ?? null;
  const clear = clearWater === null ? null : clearWater.clear;
  REALS[10] = clearWater?.westDeg ?? 0; REALS[11] = clearWater?.southDeg ?? 0; REALS[12] = clearWater?.cellsPerDeg ?? 0;
  const cWest = REALS[10], cSouth = REALS[11], cCellsPerDeg = REALS[12];
  const cCellsX = clearWater?.nx ?? 0, cCellsY = clearWater?.ny ?? 0;
  const masked = new Float64Array(2);   // a masked corner's value (sampleMasked writes east, north at 0, 1)
  const maskedE = masked.subarray(0, 1), maskedN = masked.subarray(1, 2);
  // two particles a pass while both take the common path (below)
  const pairs = shoreline === null || clear !== null;
  for (let i = 0, n = p.count; i < n; i++) {
    if (status[i] !== ParticleStatus.active) continue;
    // --- the common path of particles i and j = i + 1 at once: both active, inside both grids
    // without a longitude wrap, no masked corner, and (with a shoreline) both steps within
    // clear-water cells. Side by side, the two chains of dependent operations (corner loads,
    // interpolation, square root, division, position, clear-water test) overlap in the CPU, where
    // one particle's chain alone left it waiting (a two-particle pass measured 17.2 → 14.6 ns a
    // particle-step on a reduced kernel; bench/RESULTS.md 2026-12-07). Each particle's arithmetic
    // is the single path's below, operation for operation, so the results are the same bit for bit;
    // when any condition fails nothing has been written and particle i takes the single path.
    if (pairs && i + 1 < n && status[i + 1] === ParticleStatus.active) {
      const j = i + 1;
      const x0 = lonDeg[i], y0 = latDeg[i], X0 = lonDeg[j], Y0 = latDeg[j];
      const wd = x0 - wLon0, wfj = (y0 - wLat0) * wInvDLat, WD = X0 - wLon0, WFJ = (Y0 - wLat0) * wInvDLat;
      const cd = x0 - cLon0, cfj = (y0 - cLat0) * cInvDLat, CD = X0 - cLon0, CFJ = (Y0 - cLat0) * cInvDLat;
      // with a shoreline, both start cells clear-water ones, tested first: near the coast, where
      // they are not, the pair is given up before any interpolation
      let startsClear = true;
      if (shoreline !== null) {
        const u = (x0 - cWest) * cCellsPerDeg, v = (y0 - cSouth) * cCellsPerDeg;
        const U = (X0 - cWest) * cCellsPerDeg, V = (Y0 - cSouth) * cCellsPerDeg;
        startsClear = u >= 0 && u < cCellsX && v >= 0 && v < cCellsY && U >= 0 && U < cCellsX && V >= 0 && V < cCellsY &&
          clear![(v | 0) * cCellsX + (u | 0)] === 1 && clear![(V | 0) * cCellsX + (U | 0)] === 1;
      }
      if (startsClear && wd >= 0 && wd <= wSpan && wfj >= 0 && wfj <= wMaxJ && WD >= 0 && WD <= wSpan && WFJ >= 0 && WFJ <= wMaxJ &&
          cd >= 0 && cd <= cSpan && cfj >= 0 && cfj <= cMaxJ && CD >= 0 && CD <= cSpan && CFJ >= 0 && CFJ <= cMaxJ) {
        // the wind of both
        const wfi = wd * wInvDLon, WFI = WD * wInvDLon;
        let wi0 = wfi | 0; if (wi0 > wMaxI0) wi0 = wMaxI0;
        let wj0 = wfj | 0; if (wj0 > wMaxJ0) wj0 = wMaxJ0;
        let WI0 = WFI | 0; if (WI0 > wMaxI0) WI0 = wMaxI0;
        let WJ0 = WFJ | 0; if (WJ0 > wMaxJ0) WJ0 = wMaxJ0;
        const wwx = wfi - wi0, wwy = wfj - wj0, wk = wj0 * wNx + wi0;
        const WWX = WFI - WI0, WWY = WFJ - WJ0, WK = WJ0 * wNx + WI0;
        const ea = WE[wk], eb = WE[wk + 1], ec = WE[wk + wNx], ed = WE[wk + wNx + 1];
        const EA = WE[WK], EB = WE[WK + 1], EC = WE[WK + wNx], ED = WE[WK + wNx + 1];
        const na = WN[wk], nb = WN[wk + 1], nc = WN[wk + wNx], nd = WN[wk + wNx + 1];
        const NA = WN[WK], NB = WN[WK + 1], NC = WN[WK + wNx], ND = WN[WK + wNx + 1];
        const e0 = ea + wwx * (eb - ea), e1 = ec + wwx * (ed - ec), n0 = na + wwx * (nb - na), n1 = nc + wwx * (nd - nc);
        const E0 = EA + WWX * (EB - EA), E1 = EC + WWX * (ED - EC), N0 = NA + WWX * (NB - NA), N1 = NC + WWX * (ND - NC);
        const we = e0 + wwy * (e1 - e0), wn = n0 + wwy * (n1 - n0);
        const WEj = E0 + WWY * (E1 - E0), WNj = N0 + WWY * (N1 - N0);
        // the current of both
        const cfi = cd * cInvDLon, CFI = CD * cInvDLon;
        let ci0 = cfi | 0; if (ci0 > cMaxI0) ci0 = cMaxI0;
        let cj0 = cfj | 0; if (cj0 > cMaxJ0) cj0 = cMaxJ0;
        let CI0 = CFI | 0; if (CI0 > cMaxI0) CI0 = cMaxI0;
        let CJ0 = CFJ | 0; if (CJ0 > cMaxJ0) CJ0 = cMaxJ0;
        const cwx = cfi - ci0, cwy = cfj - cj0, ck = cj0 * cNx + ci0;
        const CWX = CFI - CI0, CWY = CFJ - CJ0, CK = CJ0 * cNx + CI0;
        const fa = CE[ck], fb = CE[ck + 1], fc = CE[ck + cNx], fd = CE[ck + cNx + 1];
        const FA = CE[CK], FB = CE[CK + 1], FC = CE[CK + cNx], FD = CE[CK + cNx + 1];
        const ga = CN[ck], gb = CN[ck + 1], gc = CN[ck + cNx], gd = CN[ck + cNx + 1];
        const GA = CN[CK], GB = CN[CK + 1], GC = CN[CK + cNx], GD = CN[CK + cNx + 1];
        const f0 = fa + cwx * (fb - fa), f1 = fc + cwx * (fd - fc), g0 = ga + cwx * (gb - ga), g1 = gc + cwx * (gd - gc);
        const F0 = FA + CWX * (FB - FA), F1 = FC + CWX * (FD - FC), G0 = GA + CWX * (GB - GA), G1 = GC + CWX * (GD - GC);
        const ce = f0 + cwy * (f1 - f0), cn = g0 + cwy * (g1 - g0);
        const CEj = F0 + CWY * (F1 - F0), CNj = G0 + CWY * (G1 - G0);
        if (we === we && wn === wn && WEj === WEj && WNj === WNj && ce === ce && cn === cn && CEj === CEj && CNj === CNj) {
          // leewayStep's body for both
          const windMps = Math.sqrt(we * we + wn * wn), WIND = Math.sqrt(WEj * WEj + WNj * WNj);
          const inverse = windMps > 0 ? 1 / windMps : 0, INVERSE = WIND > 0 ? 1 / WIND : 0;
          const downwindMps = downwindSlope[i] * windMps + downwindOffsetMps[i];
          const DOWNWIND = downwindSlope[j] * WIND + downwindOffsetMps[j];
          const crosswindMps = crosswindSlope[i] * windMps + crosswindOffsetMps[i];
          const CROSSWIND = crosswindSlope[j] * WIND + crosswindOffsetMps[j];
          const ue = we * inverse, un = wn * inverse, UE = WEj * INVERSE, UN = WNj * INVERSE;
          const ve = ce + downwindMps * ue + crosswindMps * un, vn = cn + downwindMps * un - crosswindMps * ue;
          const VE = CEj + DOWNWIND * UE + CROSSWIND * UN, VN = CNj + DOWNWIND * UN - CROSSWIND * UE;
          const degPerMetre = particleDtS === null ? degPerMetreStep : particleDtS[i] * DEG_PER_M;
          const DEG_PER_METRE = particleDtS === null ? degPerMetreStep : particleDtS[j] * DEG_PER_M;
          const y1 = y0 + vn * degPerMetre, Y1 = Y0 + VN * DEG_PER_METRE;
          let x1 = x0 + ve * degPerMetre * secantDeg(y0);
          let X1 = X0 + VE * DEG_PER_METRE * secantDeg(Y0);
          // both steps shorter than half a cell: certainly in water (the single path's test)
          let shortSteps = true;
          if (shoreline !== null) {
            const du = (x1 - x0) * cCellsPerDeg, dv = (y1 - y0) * cCellsPerDeg;
            const DU = (X1 - X0) * cCellsPerDeg, DV = (Y1 - Y0) * cCellsPerDeg;
            shortSteps = du < 0.5 && du > -0.5 && dv < 0.5 && dv > -0.5 && DU < 0.5 && DU > -0.5 && DV < 0.5 && DV > -0.5;
          }
          // and neither past a pole (the single path takes a step over one)
          if (shortSteps && y1 <= 90 && y1 >= -90 && Y1 <= 90 && Y1 >= -90) {
            if (x1 >= 180 || x1 < -180) x1 -= 360 * Math.floor((x1 + 180) / 360);
            if (X1 >= 180 || X1 < -180) X1 -= 360 * Math.floor((X1 + 180) / 360);
            lonDeg[i] = x1; latDeg[i] = y1;
            lonDeg[j] = X1; latDeg[j] = Y1;
            if (nextJibeS[i] <= elapsedS) applyJibes(p, i, elapsedS, jibeRatePerS, seed, first);
            if (nextJibeS[j] <= elapsedS) applyJibes(p, j, elapsedS, jibeRatePerS, seed, first);
            i++;
            continue;
          }
        }
      }
    }
    // --- particle i alone, on any path
    const lon0 = lonDeg[i], lat0 = latDeg[i];
    let covered = true;
    // --- wind at (lon0, lat0): GriddedField.interpolateUniform's body
    let we = 0, wn = 0;
    {
      let d = lon0 - wLon0;
      const fj = (lat0 - wLat0) * wInvDLat;
      if (!(d >= 0 && d <= wSpan)) {
        d -= 360 * Math.floor(d / 360);
        if (!(d <= wSpan)) covered = false;
      }
      if (covered && !(fj >= 0 && fj <= wMaxJ)) covered = false;
      if (covered) {
        const fi = d * wInvDLon;
        let i0 = fi | 0; if (i0 > wMaxI0) i0 = wMaxI0;
        let j0 = fj | 0; if (j0 > wMaxJ0) j0 = wMaxJ0;
        const wx = fi - i0;
        const wy = fj - j0;
        const k = j0 * wNx + i0;
        const ea = WE[k], eb = WE[k + 1], ec = WE[k + wNx], ed = WE[k + wNx + 1];
        const na = WN[k], nb = WN[k + 1], nc = WN[k + wNx], nd = WN[k + wNx + 1];
        const e0 = ea + wx * (eb - ea);
        const e1 = ec + wx * (ed - ec);
        const n0 = na + wx * (nb - na);
        const n1 = nc + wx * (nd - nc);
        we = e0 + wy * (e1 - e0);
        wn = n0 + wy * (n1 - n0);
        if (!(we === we && wn === wn)) {
          wind.field.sampleMasked(0, wind.base0 + k, wind.base1 + k, wx, wy, wind.wt, maskedE, maskedN);
          we = masked[0]; wn = masked[1];
        }
      }
    }
    // --- current at (lon0, lat0): the same
    let ce = 0, cn = 0;
    if (covered) {
      let d = lon0 - cLon0;
      const fj = (lat0 - cLat0) * cInvDLat;
      if (!(d >= 0 && d <= cSpan)) {
        d -= 360 * Math.floor(d / 360);
        if (!(d <= cSpan)) covered = false;
      }
      if (covered && !(fj >= 0 && fj <= cMaxJ)) covered = false;
      if (covered) {
        const fi = d * cInvDLon;
        let i0 = fi | 0; if (i0 > cMaxI0) i0 = cMaxI0;
        let j0 = fj | 0; if (j0 > cMaxJ0) j0 = cMaxJ0;
        const wx = fi - i0;
        const wy = fj - j0;
        const k = j0 * cNx + i0;
        const ea = CE[k], eb = CE[k + 1], ec = CE[k + cNx], ed = CE[k + cNx + 1];
        const na = CN[k], nb = CN[k + 1], nc = CN[k + cNx], nd = CN[k + cNx + 1];
        const e0 = ea + wx * (eb - ea);
        const e1 = ec + wx * (ed - ec);
        const n0 = na + wx * (nb - na);
        const n1 = nc + wx * (nd - nc);
        ce = e0 + wy * (e1 - e0);
        cn = n0 + wy * (n1 - n0);
        if (!(ce === ce && cn === cn)) {
          current.field.sampleMasked(0, current.base0 + k, current.base1 + k, wx, wy, current.wt, maskedE, maskedN);
          ce = masked[0]; cn = masked[1];
        }
      }
    }
    // --- leewayStep's body
    if (!covered) {
      status[i] = ParticleStatus.outsideForcing;
      windCovered[i] = 1;
      currentCovered[i] = 1;
      continue;
    }
    const windMps = Math.sqrt(we * we + wn * wn);
    const inverse = windMps > 0 ? 1 / windMps : 0;
    const downwindMps = downwindSlope[i] * windMps + downwindOffsetMps[i];
    const crosswindMps = crosswindSlope[i] * windMps + crosswindOffsetMps[i];
    const ue = we * inverse, un = wn * inverse;
    const ve = ce + downwindMps * ue + crosswindMps * un;
    const vn = cn + downwindMps * un - crosswindMps * ue;
    const degPerMetre = particleDtS === null ? degPerMetreStep : particleDtS[i] * DEG_PER_M;
    let lat1 = lat0 + vn * degPerMetre;
    let lon1 = lon0 + ve * degPerMetre * secantDeg(lat0);
    if (shoreline !== null) {
      let inClearWater = false;
      if (clear !== null) {
        const u = (lon0 - cWest) * cCellsPerDeg, v = (lat0 - cSouth) * cCellsPerDeg;
        const du = (lon1 - lon0) * cCellsPerDeg, dv = (lat1 - lat0) * cCellsPerDeg;
        if (u >= 0 && u < cCellsX && v >= 0 && v < cCellsY && du < 0.5 && du > -0.5 && dv < 0.5 && dv > -0.5) {
          inClearWater = clear[(v | 0) * cCellsX + (u | 0)] === 1;
        }
      }
      const t = inClearWater ? -1 : shoreline.firstShoreCrossing(lon0, lat0, lon1, lat1);
      if (t >= 0) {
        lonDeg[i] = lon0 + t * (lon1 - lon0);
        latDeg[i] = lat0 + t * (lat1 - lat0);
        status[i] = ParticleStatus.stranded;
        windCovered[i] = 1;
        currentCovered[i] = 1;
        continue;
      }
    }
    // leewayStep's: over a pole, down the other side; longitudes onto [-180, 180)
    if (lat1 > 90 || lat1 < -90) { lat1 = (lat1 > 0 ? 180 : -180) - lat1; lon1 += 180; }
    if (lon1 >= 180 || lon1 < -180) lon1 -= 360 * Math.floor((lon1 + 180) / 360);
    lonDeg[i] = lon1;
    latDeg[i] = lat1;
    if (nextJibeS[i] <= elapsedS) applyJibes(p, i, elapsedS, jibeRatePerS, seed, first);
  }
}
