package lmo.analysis;

import java.util.List;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/**
 * Two rounds. Round 0 SUMs the moments {@code (C, S) = sum_j m_j (cos 2 pi y_j, sin 2 pi y_j)} of population 1; its
 * global step triples them. Round 1 CONCATs one row per particle: {@code x_i * C'} for population 0 (C' the tripled
 * C), 0 for population 1. Population 0 then has {@code V(x) = 3 (C cos 2 pi x + S sin 2 pi x) + mean of its rows},
 * i.e. {@code 3 sum_j m_j cos(2 pi (x - y_j)) + 3 C mean_i x_i}.
 */
final class CosineMoments implements Model {
    @Override public int rounds() { return 2; }

    @Override public Reduction reduction(int round) { return round == 0 ? Reduction.sum(2) : Reduction.concat(1); }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        if (round == 0) {
            if (b.population() != 1) return;
            for (int j = 0; j < b.count(); j++) {
                out[0] += b.m()[j] * Math.cos(2 * Math.PI * b.x()[j]);
                out[1] += b.m()[j] * Math.sin(2 * Math.PI * b.x()[j]);
            }
        } else if (b.population() == 0) {
            for (int i = 0; i < b.count(); i++) out[i] = b.x()[i] * done.sum(0)[0];
        }
    }

    @Override
    public void globalStep(int round, Summaries s) {
        if (round == 0) s.set(0, new double[] {3 * s.sum(0)[0], 3 * s.sum(0)[1]});
    }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] sums) {
        if (b.population() != 0) return;
        double c = s.sum(0)[0], sn = s.sum(0)[1];
        double mean = 0;
        for (int i = 0; i < b.count(); i++) mean += s.sum(1)[i] / b.count();
        for (int i = 0; i < b.count(); i++) {
            double u = 2 * Math.PI * b.x()[i];
            v[i] = c * Math.cos(u) + sn * Math.sin(u) + mean;
            gradV[i] = 2 * Math.PI * (-c * Math.sin(u) + sn * Math.cos(u));
        }
    }

    @Override public int metricSumLength() { return 0; }
    @Override public List<String> metricNames() { return List.of(); }
    @Override public double[] metrics(Summaries s, double[] sums) { return new double[0]; }
}
