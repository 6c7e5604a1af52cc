namespace BowInbox.Core.Scanning;

internal enum PhonePieceKind
{
    /// <summary>ASCII digits, possibly with look-alike letters glued in ("555O1OO").</summary>
    Digits,

    /// <summary>A spelled-out number ("five", "cinco", "fifty five").</summary>
    Spelled,

    /// <summary>A free-standing word of O, o, I, l, or "oh": a digit only between other digits.</summary>
    LookAlike,

    /// <summary>A word that joins groups of a number being split up ("then", "luego").</summary>
    Connector,

    /// <summary>"and", "y", "by", "de": part of a connector, or joins spelled digits.</summary>
    Filler,

    Plus,

    Word,
}

/// <summary>A stretch of the normalized text as the phone finder reads it.</summary>
internal readonly record struct PhonePiece(PhonePieceKind Kind, int Start, int End, string Digits)
{
    /// <summary>Digits with look-alike letters in them, which nobody writes by accident.</summary>
    public bool HasLookAlikes { get; init; }

    /// <summary>Letters touch the digits on the left ("SW1A", "call5550100"): the length of that word.</summary>
    public int GluedWordBefore { get; init; }

    /// <summary>Letters touch the digits on the right ("15mm", "3pm", "221B"): the length of that word.</summary>
    public int GluedWordAfter { get; init; }

    public bool CarriesDigits => Kind is PhonePieceKind.Digits or PhonePieceKind.Spelled or PhonePieceKind.LookAlike;

    /// <summary>Pieces that count as digits on their own, not only between others.</summary>
    public bool IsStrong => Kind is PhonePieceKind.Digits or PhonePieceKind.Spelled;
}
