namespace BowInbox.Web.Api;

/// <summary>Collects field errors as a request is checked, for one 400 answer naming every problem.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = [];

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToValidationResult()
        => TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request is not valid");
}
