using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

public class PtsExpressionTests
{
    [Fact]
    public void For_ConstantRateInMilliseconds_IsOneRun()
    {
        long[] pts = Enumerable.Range(0, 300).Select(i => (long)Math.Round(21 + i * 1000 / 30.0, MidpointRounding.AwayFromZero)).ToArray();

        string expression = PtsExpression.For(pts);

        Assert.DoesNotContain("if(", expression);
        Assert.All(Enumerable.Range(0, 300), n => Assert.Equal(pts[n], PtsExpression.Evaluate(pts, n)));
    }

    [Fact]
    public void For_VariableRate_EvaluatesBackExactly()
    {
        var random = new Random(3);
        var pts = new long[500];
        for (int i = 1; i < pts.Length; i++)
        {
            pts[i] = pts[i - 1] + (i % 50 < 25 ? 40 : random.Next(1, 200));
        }

        Assert.All(Enumerable.Range(0, pts.Length), n => Assert.Equal(pts[n], PtsExpression.Evaluate(pts, n)));
        Assert.Contains("if(lt(N,", PtsExpression.For(pts));
    }

    [Fact]
    public void For_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => PtsExpression.For([]));
    }
}
