package lmo.scenario;

/**
 * How a population's initial positions are drawn or read ({@code populations.<name>.init}); also how the samples of a
 * generated target are drawn ({@code model.target.from}).
 */
public sealed interface InitSpec permits UniformInit, GaussianInit, QuantilesInit, GridInit, LatticeInit, ListInit, FileInit {
    /** The {@code type} key: {@code uniform}, {@code gaussian}, {@code quantiles}, {@code grid}, {@code lattice} or {@code file}. */
    String type();
}
