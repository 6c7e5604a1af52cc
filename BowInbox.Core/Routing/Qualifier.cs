using BowInbox.Core.Tickets;

namespace BowInbox.Core.Routing;

/// <summary>Reads a customer's messages (and shared location) and decides service type, area and urgency.</summary>
public static class Qualifier
{
    public static Qualification Qualify(
        IEnumerable<string> texts,
        (double Lat, double Lon)? sharedLocation,
        QualificationRules rules)
    {
        var messages = texts.ToList();
        var text = FoldedText.FromMessages(messages);
        var reasons = new List<string>();

        var service = BestMatch(text, rules.Services.Select(s => (s.Name, s.Keywords)));
        if (service is not null)
        {
            reasons.Add($"{service.Value.Name} from '{service.Value.Keyword}'");
        }

        var area = AreaFromLocation(sharedLocation, rules, reasons)
            ?? AreaFromPostcode(messages, rules, reasons)
            ?? AreaFromWords(text, rules, reasons);

        var urgency = Urgency.Normal;
        var urgentWord = BestMatch(text, [("urgent", rules.UrgencyWords)]);
        if (urgentWord is not null)
        {
            urgency = Urgency.Urgent;
            reasons.Add($"urgent from '{urgentWord.Value.Keyword}'");
        }

        return new Qualification(service?.Name, area, urgency, reasons);
    }

    // A shared location is more reliable than words, so it wins; when several circles hold it the nearest centre does.
    private static string? AreaFromLocation((double Lat, double Lon)? location, QualificationRules rules, List<string> reasons)
    {
        if (location is not { } point)
        {
            return null;
        }

        var area = rules.Areas
            .Where(a => a.Circle is not null && a.Circle.Contains(point.Lat, point.Lon))
            .OrderBy(a => a.Circle!.DistanceKm(point.Lat, point.Lon))
            .FirstOrDefault();
        if (area is null)
        {
            reasons.Add("location outside every area");
            return null;
        }

        reasons.Add($"{area.Name} from location");
        return area.Name;
    }

    // A postcode names one place where words such as "centro" may name several, so it comes before them.
    private static string? AreaFromPostcode(IReadOnlyList<string> texts, QualificationRules rules, List<string> reasons)
    {
        if (Postcodes.Match(texts, rules.Areas) is not { } hit)
        {
            return null;
        }

        reasons.Add($"{hit.Area} from postcode '{hit.Written}'");
        return hit.Area;
    }

    private static string? AreaFromWords(FoldedText text, QualificationRules rules, List<string> reasons)
    {
        var area = BestMatch(text, rules.Areas.Select(a => (a.Name, a.PlaceWords)));
        if (area is null)
        {
            return null;
        }

        reasons.Add($"{area.Value.Name} from '{area.Value.Keyword}'");
        return area.Value.Name;
    }

    // The candidate with the most distinct words found wins; on a tie, the one mentioned first in the conversation,
    // then the one listed first in the rules. The reason names the word that appeared first.
    private static (string Name, string Keyword)? BestMatch(
        FoldedText text,
        IEnumerable<(string Name, IReadOnlyList<string> Words)> candidates)
    {
        var found = candidates
            .Select((candidate, order) =>
            {
                var hits = candidate.Words
                    .Select(word => (Word: word, Index: text.FirstIndexOf(word)))
                    .Where(hit => hit.Index is not null)
                    .DistinctBy(hit => FoldedText.Fold(hit.Word))
                    .OrderBy(hit => hit.Index)
                    .ToList();
                return (candidate.Name, Order: order, Hits: hits);
            })
            .Where(c => c.Hits.Count > 0)
            .OrderByDescending(c => c.Hits.Count)
            .ThenBy(c => c.Hits[0].Index)
            .ThenBy(c => c.Order)
            .FirstOrDefault();

        return found.Hits is null ? null : (found.Name, found.Hits[0].Word);
    }
}
