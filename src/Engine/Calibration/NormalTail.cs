namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Fast, tail-safe pieces of the standard normal distribution for likelihoods evaluated millions of times:
/// the density phi, Phi, log Phi, the inverse Mills ratio phi(x) / Phi(x) and R(x) = Q(x) / phi(x), Q = 1 - Phi.
/// </summary>
/// <remarks>
/// <para>Cody's rational Chebyshev approximations (W. J. Cody, "Rational Chebyshev approximations for the error
/// function", Math. Comp. 23, 1969; as in his ANORM, ACM TOMS 715, 1993), accurate to about 1e-16 relative:
/// for |x| &lt;= 0.66291, Phi(x) = 1/2 + x * A(x^2) / B(x^2); for 0.66291 &lt; y = |x| &lt;= sqrt(32),
/// Q(y) = exp(-y^2 / 2) * C(y) / D(y); beyond, Q(y) = exp(-y^2 / 2) * (1 / sqrt(2 pi) - z P(z) / Q(z)) / y with
/// z = 1 / y^2. The last two forms give R(y) = Q(y) / phi(y) as a rational function without any exponential, so
/// log Phi and the Mills ratio stay finite and cheap far into the tails where Phi itself underflows (below about
/// -38). About ten times faster than a general erfc.</para>
/// </remarks>
public static class NormalTail
{
    private const double LogSqrt2Pi = 0.91893853320467274178;
    private const double Sqrt2Pi = 2.50662827463100050242;
    private const double InverseSqrt2Pi = 0.39894228040143267794;
    private const double CentralLimit = 0.66291;
    private const double MiddleLimit = 5.656854249492380195; // sqrt(32)

    private const double A0 = 2.2352520354606839287e00;
    private const double A1 = 1.6102823106855587881e02;
    private const double A2 = 1.0676894854603709582e03;
    private const double A3 = 1.8154981253343561249e04;
    private const double A4 = 6.5682337918207449113e-2;
    private const double B0 = 4.7202581904688241870e01;
    private const double B1 = 9.7609855173777669322e02;
    private const double B2 = 1.0260932208618978205e04;
    private const double B3 = 4.5507789335026729956e04;
    private const double C0 = 3.9894151208813466764e-1;
    private const double C1 = 8.8831497943883759412e00;
    private const double C2 = 9.3506656132177855979e01;
    private const double C3 = 5.9727027639480026226e02;
    private const double C4 = 2.4945375852903726711e03;
    private const double C5 = 6.8481904505362823326e03;
    private const double C6 = 1.1602651437647350124e04;
    private const double C7 = 9.8427148383839780218e03;
    private const double C8 = 1.0765576773720192317e-8;
    private const double D0 = 2.2266688044328115691e01;
    private const double D1 = 2.3538790178262499861e02;
    private const double D2 = 1.5193775994075548050e03;
    private const double D3 = 6.4855582982667607550e03;
    private const double D4 = 1.8615571640885098091e04;
    private const double D5 = 3.4900952721145977266e04;
    private const double D6 = 3.8912003286093271411e04;
    private const double D7 = 1.9685429676859990727e04;
    private const double P0 = 2.1589853405795699e-1;
    private const double P1 = 1.274011611602473639e-1;
    private const double P2 = 2.2235277870649807e-2;
    private const double P3 = 1.421619193227893466e-3;
    private const double P4 = 2.9112874951168792e-5;
    private const double P5 = 2.307344176494017303e-2;
    private const double Q0 = 1.28426009614491121e00;
    private const double Q1 = 4.68238212480865118e-1;
    private const double Q2 = 6.59881378689285515e-2;
    private const double Q3 = 3.78239633202758244e-3;
    private const double Q4 = 7.29751555083966205e-5;

    /// <summary>The standard normal density phi(x) = exp(-x^2 / 2) / sqrt(2 pi); 0 at the infinities.</summary>
    public static double Density(double x) => double.IsInfinity(x) ? 0.0 : InverseSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>log phi(x) = -x^2 / 2 - log sqrt(2 pi).</summary>
    public static double LogDensity(double x) => (-0.5 * x * x) - LogSqrt2Pi;

    /// <summary>Q(x) = 1 - Phi(x), accurate in relative terms in the upper tail (underflows to 0 beyond about 38).</summary>
    public static double UpperTail(double x) => Cdf(-x);

    /// <summary>Phi(x), accurate in relative terms in the lower tail (0 below about -38, 1 above about 8.3).</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        double y = Math.Abs(x);
        if (y <= CentralLimit)
        {
            return 0.5 + Central(x);
        }

        if (y > 40)
        {
            return x > 0 ? 1.0 : 0.0;
        }

        // Q(y) = phi(y) R(y).
        double tail = Density(y) * TailRatio(y);
        return x > 0 ? 1.0 - tail : tail;
    }

    /// <summary>
    /// R(x) = Q(x) / phi(x), Mills' ratio of the upper tail: sqrt(pi / 2) = 1.2533 at 0, about 1 / x for large x,
    /// finite for every finite x (for x below -38 it is about exp(x^2 / 2) sqrt(2 pi), which may overflow to infinity).
    /// </summary>
    public static double UpperRatio(double x)
    {
        if (Math.Abs(x) <= CentralLimit)
        {
            return (0.5 - Central(x)) / Density(x);
        }

        if (x < 0)
        {
            // Q(x) = 1 - Q(-x) = 1 - phi(x) R(-x).
            double density = Density(x);
            return (1.0 - (density * TailRatio(-x))) / density;
        }

        return TailRatio(x);
    }

    /// <summary>log Phi(x), finite for every finite x (about -x^2 / 2 - log(-x sqrt(2 pi)) far in the lower tail).</summary>
    public static double LogCdf(double x)
    {
        if (double.IsNegativeInfinity(x))
        {
            return double.NegativeInfinity;
        }

        if (x < -CentralLimit)
        {
            return LogDensity(x) + Math.Log(TailRatio(-x));
        }

        return Math.Log(Cdf(x));
    }

    /// <summary>
    /// The inverse Mills ratio phi(x) / Phi(x), the derivative of log Phi(x): about -x in the far lower tail, 0 at
    /// +infinity.
    /// </summary>
    public static double InverseMills(double x)
    {
        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        if (x < -CentralLimit)
        {
            return 1.0 / TailRatio(-x);
        }

        return Density(x) / Cdf(x);
    }

    /// <summary>
    /// log Phi(x) and the inverse Mills ratio phi(x) / Phi(x) at once, bit for bit <see cref="LogCdf"/> and
    /// <see cref="InverseMills"/>: the two share their density, rational function and Phi, which this computes once
    /// (the ordered probit needs both for every yes and no vote).
    /// </summary>
    public static (double LogCdf, double InverseMills) LogCdfAndInverseMills(double x)
    {
        if (!double.IsFinite(x))
        {
            return (LogCdf(x), InverseMills(x));
        }

        if (x < -CentralLimit)
        {
            double ratio = TailRatio(-x);
            return (LogDensity(x) + Math.Log(ratio), 1.0 / ratio);
        }

        // x >= -0.66291 and finite: LogCdf is log Phi(x), InverseMills phi(x) / Phi(x). Beyond the central band x is
        // above 0.66291, so |x| = x and Cdf's Q(|x|) = phi(x) R(x) uses this same density.
        double density = InverseSqrt2Pi * Math.Exp(-0.5 * x * x);
        double cdf;
        if (x <= CentralLimit)
        {
            cdf = 0.5 + Central(x);
        }
        else if (x > 40)
        {
            cdf = 1.0;
        }
        else
        {
            cdf = 1.0 - (density * TailRatio(x));
        }

        return (Math.Log(cdf), density / cdf);
    }

    /// <summary>R(y) for y &gt; 0.66291 by the two rational forms (no exponential).</summary>
    private static double TailRatio(double y)
    {
        if (y <= MiddleLimit)
        {
            double num = ((((((((C8 * y) + C0) * y + C1) * y + C2) * y + C3) * y + C4) * y + C5) * y + C6) * y;
            double den = (((((((y + D0) * y + D1) * y + D2) * y + D3) * y + D4) * y + D5) * y + D6) * y;
            return Sqrt2Pi * (num + C7) / (den + D7);
        }

        double z = 1.0 / (y * y);
        double pn = (((((P5 * z) + P0) * z + P1) * z + P2) * z + P3) * z;
        double qd = ((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z;
        double r = z * (pn + P4) / (qd + Q4);
        return Sqrt2Pi * (InverseSqrt2Pi - r) / y;
    }

    /// <summary>Phi(x) - 1/2 for |x| &lt;= 0.66291: x A(x^2) / B(x^2).</summary>
    private static double Central(double x)
    {
        double s = x * x;
        double num = ((((A4 * s) + A0) * s + A1) * s + A2) * s;
        double den = (((s + B0) * s + B1) * s + B2) * s;
        return x * (num + A3) / (den + B3);
    }
}
