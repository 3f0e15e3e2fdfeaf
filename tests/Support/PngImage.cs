using System.Buffers.Binary;

namespace StemSimulator.Tests.Support;

/// <summary>Checks that bytes are a PNG and reads its size (signature, then the IHDR chunk's width and height).</summary>
internal static class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Dimensions(byte[] png)
    {
        Assert.That(png.Length, Is.GreaterThan(33), "too short for a PNG");
        Assert.That(png.AsSpan(0, 8).SequenceEqual(Signature), Is.True, "PNG signature");
        Assert.That(System.Text.Encoding.ASCII.GetString(png, 12, 4), Is.EqualTo("IHDR"), "first chunk is IHDR");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
