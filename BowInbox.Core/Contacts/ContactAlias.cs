namespace BowInbox.Core.Contacts;

/// <summary>
/// Turns a contact id into a short alias such as <c>C-4F7K2</c>. The mapping is a bijection on
/// 25 bits, so two contacts never share an alias and the alias does not reveal the id's order.
/// </summary>
public static class ContactAlias
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U
    private const int Bits = 25;
    private const uint Mask = (1u << Bits) - 1;

    public static string FromId(int id)
    {
        if (id <= 0 || id > Mask)
        {
            throw new ArgumentOutOfRangeException(nameof(id), "Contact ids for aliases run from 1 to 2^25-1.");
        }

        var x = (uint)id;
        // Odd multiplier and xor-shifts are invertible modulo 2^25, so this is a permutation.
        x = (x * 0x1E3779Bu) & Mask;
        x ^= x >> 13;
        x = (x * 0x0C2B2AFu) & Mask;
        x ^= 0x15A5A5Au & Mask;

        Span<char> chars = stackalloc char[5];
        for (var i = 4; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(x & 31)];
            x >>= 5;
        }

        return "C-" + new string(chars);
    }
}
