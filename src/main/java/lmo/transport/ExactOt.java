package lmo.transport;

import java.util.Arrays;

/**
 * The exact optimal transport value {@code OT(p, q) = min_{pi in Gamma(p, q)} <c, pi>}, computed by lmo itself, on a
 * dense row-major n x m cost (n, m up to a few thousand), with a dual certificate.
 *
 * <ul>
 *   <li>{@link #networkSimplex}: the transportation simplex (primal network simplex on the bipartite graph) for
 *   general weights. Start: north-west corner tree (n + m - 1 basic cells, degenerate ones included). Pricing:
 *   block search for the most negative reduced cost {@code c_ij - u_i - v_j} over blocks of ~sqrt(nm) cells;
 *   ratio test on the tree cycle. Against cycling: after n + m consecutive degenerate pivots, Bland's rule (lowest
 *   cell index entering, lowest cell index among tied leaving cells) until a pivot moves mass.
 *   Optimal when every reduced cost is {@code >= -1e-13 max|c|}.</li>
 *   <li>{@link #assignment}: the Hungarian algorithm (shortest augmenting paths with potentials, O(n^3)) for n = m
 *   and uniform weights, where {@code OT = (min_sigma sum_i c_{i sigma(i)}) / n} (Birkhoff).</li>
 * </ul>
 * Both return potentials with {@code u_i + v_j <= c_ij} (up to rounding) and equality on the support (complementary
 * slackness), so {@code <u, p> + <v, q> = OT}.
 *
 * @param value    OT(p, q)
 * @param u        row potentials (n)
 * @param v        column potentials (m)
 * @param rows     support cells' rows
 * @param cols     support cells' columns
 * @param mass     mass on those cells (some may be 0: degenerate basic cells)
 * @param pivots   simplex pivots (0 for the Hungarian algorithm)
 */
public record ExactOt(double value, double[] u, double[] v, int[] rows, int[] cols, double[] mass, int pivots) {

    /** The dense row-major cost of a {@link Cost} (n m doubles). */
    public static double[] dense(Cost cost) {
        int n = cost.n(), m = cost.m();
        if ((long) n * m > Rounding.MAX_CELLS) throw new IllegalArgumentException("cost too large to materialise");
        double[] c = new double[n * m];
        double[] row = new double[m];
        for (int i = 0; i < n; i++) {
            cost.row(i, row);
            System.arraycopy(row, 0, c, i * m, m);
        }
        return c;
    }

    /** OT(p, q) for a {@link TransportProblem} by the network simplex. */
    public static ExactOt of(TransportProblem problem) {
        return networkSimplex(dense(problem.cost()), problem.n(), problem.m(), problem.p(), problem.q());
    }

    /**
     * The transportation simplex on cost {@code c} (n x m, row-major), supplies p, demands q
     * ({@code |sum p - sum q| <= 1e-12 sum p}).
     */
    public static ExactOt networkSimplex(double[] c, int n, int m, double[] p, double[] q) {
        return new NetworkSimplex(c, n, m, p, q).solve();
    }

    /** OT with uniform weights 1/n on an n x n cost by the Hungarian algorithm. */
    public static ExactOt assignment(double[] c, int n) {
        // shortest augmenting paths with potentials (Kuhn-Munkres / Jonker-Volgenant form), 1-based internally
        double inf = Double.POSITIVE_INFINITY;
        double[] u = new double[n + 1], v = new double[n + 1];
        int[] match = new int[n + 1];   // match[j] = row assigned to column j (1-based), 0 = free
        int[] way = new int[n + 1];
        double[] minv = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            match[0] = i;
            int j0 = 0;
            Arrays.fill(minv, inf);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = match[j0], j1 = 0;
                double delta = inf;
                int o = (i0 - 1) * n;
                for (int j = 1; j <= n; j++) {
                    if (used[j]) continue;
                    double cur = c[o + j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rows = new int[n], cols = new int[n];
        double[] mass = new double[n];
        double total = 0;
        for (int j = 1; j <= n; j++) {
            int i = match[j] - 1;
            rows[j - 1] = i;
            cols[j - 1] = j - 1;
            mass[j - 1] = 1.0 / n;
            total += c[i * n + j - 1];
        }
        return new ExactOt(total / n, Arrays.copyOfRange(u, 1, n + 1), Arrays.copyOfRange(v, 1, n + 1), rows, cols,
                mass, 0);
    }

    /** The transportation simplex; nodes 0..n-1 are rows, n..n+m-1 columns; basic cells form a spanning tree. */
    private static final class NetworkSimplex {
        final double[] c;
        final int n, m, nodes, edges;
        final int[] er, ec;           // basic cell k = (er[k], ec[k])
        final double[] flow;
        final int[] cellEdge;         // basic edge index of a cell, -1 if non-basic
        final int[] head, next, to, parent, parentEdge, depth, queue;
        final double[] pot;           // u_i = pot[i], v_j = pot[n + j]
        final double eps;

        NetworkSimplex(double[] c, int n, int m, double[] p, double[] q) {
            if (c.length != n * m || p.length != n || q.length != m) throw new IllegalArgumentException("shapes");
            double sp = 0, sq = 0, cmax = 0;
            for (double w : p) sp += w;
            for (double w : q) sq += w;
            for (double z : c) cmax = Math.max(cmax, Math.abs(z));
            if (Math.abs(sp - sq) > 1e-12 * sp) throw new IllegalArgumentException("unbalanced: " + sp + " vs " + sq);
            this.c = c;
            this.n = n;
            this.m = m;
            this.nodes = n + m;
            this.edges = n + m - 1;
            this.eps = 1e-13 * Math.max(cmax, Double.MIN_NORMAL);
            er = new int[edges];
            ec = new int[edges];
            flow = new double[edges];
            cellEdge = new int[n * m];
            Arrays.fill(cellEdge, -1);
            head = new int[nodes];
            next = new int[2 * edges];
            to = new int[2 * edges];
            parent = new int[nodes];
            parentEdge = new int[nodes];
            depth = new int[nodes];
            queue = new int[nodes];
            pot = new double[nodes];
            // north-west corner: a staircase spanning tree
            double[] s = p.clone(), d = q.clone();
            int i = 0, j = 0;
            for (int k = 0; k < edges; k++) {
                double x = Math.min(s[i], d[j]);
                er[k] = i;
                ec[k] = j;
                flow[k] = x;
                cellEdge[i * m + j] = k;
                s[i] -= x;
                d[j] -= x;
                if (j == m - 1 || (i < n - 1 && s[i] <= d[j])) i++;
                else j++;
            }
        }

        /** Rebuilds parent pointers, depths and potentials (u_0 = 0) by a BFS of the tree. */
        void tree() {
            Arrays.fill(head, -1);
            for (int k = 0; k < edges; k++) {
                int a = er[k], b = n + ec[k];
                to[2 * k] = b;
                next[2 * k] = head[a];
                head[a] = 2 * k;
                to[2 * k + 1] = a;
                next[2 * k + 1] = head[b];
                head[b] = 2 * k + 1;
            }
            Arrays.fill(parent, -2);
            parent[0] = -1;
            parentEdge[0] = -1;
            depth[0] = 0;
            pot[0] = 0;
            int qh = 0, qt = 0;
            queue[qt++] = 0;
            while (qh < qt) {
                int a = queue[qh++];
                for (int h = head[a]; h >= 0; h = next[h]) {
                    int b = to[h];
                    if (parent[b] != -2) continue;
                    int k = h >> 1;
                    parent[b] = a;
                    parentEdge[b] = k;
                    depth[b] = depth[a] + 1;
                    pot[b] = c[er[k] * m + ec[k]] - pot[a];   // u_i + v_j = c_ij
                    queue[qt++] = b;
                }
            }
            if (qt != nodes) throw new IllegalStateException("basis is not a spanning tree");
        }

        ExactOt solve() {
            int cells = n * m;
            int block = Math.max(64, (int) Math.sqrt(cells));
            int cursor = 0, pivots = 0, degenerateRun = 0;
            int[] seq = new int[nodes];
            int[] side = new int[nodes];
            tree();
            while (true) {
                boolean bland = degenerateRun > n + m;
                int enter = -1;
                if (bland) {
                    for (int cell = 0; cell < cells; cell++) {
                        if (cellEdge[cell] < 0 && reduced(cell) < -eps) {
                            enter = cell;
                            break;
                        }
                    }
                } else {
                    double best = -eps;
                    for (int scanned = 0; scanned < cells; ) {
                        int end = Math.min(scanned + block, cells);
                        for (; scanned < end; scanned++) {
                            int cell = cursor;
                            if (++cursor == cells) cursor = 0;
                            if (cellEdge[cell] >= 0) continue;
                            double r = reduced(cell);
                            if (r < best) {
                                best = r;
                                enter = cell;
                            }
                        }
                        if (enter >= 0) break;
                    }
                }
                if (enter < 0) break;
                int ri = enter / m, cj = enter % m;
                // the cycle: entering (ri, cj) gets +theta; the tree path from column cj to row ri alternates -, +, ...
                int a = n + cj, b = ri, len = 0;
                int bl = 0;
                int[] fromB = side;  // edges on the row side, from ri upwards
                while (a != b) {
                    if (depth[a] >= depth[b]) {
                        seq[len++] = parentEdge[a];
                        a = parent[a];
                    } else {
                        fromB[bl++] = parentEdge[b];
                        b = parent[b];
                    }
                }
                for (int k = bl - 1; k >= 0; k--) seq[len++] = fromB[k];
                double theta = Double.POSITIVE_INFINITY;
                int leave = -1;
                for (int k = 0; k < len; k += 2) {   // the minus edges
                    int e = seq[k];
                    double f = flow[e];
                    if (f < theta || (f == theta && bland && cellOf(e) < cellOf(leave))) {
                        theta = f;
                        leave = e;
                    }
                }
                for (int k = 0; k < len; k++) {
                    int e = seq[k];
                    if ((k & 1) == 0) flow[e] -= theta;
                    else flow[e] += theta;
                }
                cellEdge[cellOf(leave)] = -1;
                er[leave] = ri;
                ec[leave] = cj;
                flow[leave] = theta;
                cellEdge[enter] = leave;
                degenerateRun = theta == 0 ? degenerateRun + 1 : 0;
                pivots++;
                tree();
            }
            double value = 0;
            for (int k = 0; k < edges; k++) value += flow[k] * c[er[k] * m + ec[k]];
            return new ExactOt(value, Arrays.copyOfRange(pot, 0, n), Arrays.copyOfRange(pot, n, nodes), er.clone(),
                    ec.clone(), flow.clone(), pivots);
        }

        int cellOf(int e) {
            return er[e] * m + ec[e];
        }

        double reduced(int cell) {
            return c[cell] - pot[cell / m] - pot[n + cell % m];
        }
    }
}
