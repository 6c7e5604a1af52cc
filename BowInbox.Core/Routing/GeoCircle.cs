namespace BowInbox.Core.Routing;

/// <summary>A circle on the map: centre in degrees, radius in kilometres.</summary>
public sealed record GeoCircle(double Latitude, double Longitude, double RadiusKm)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>The point is inside when its great-circle distance to the centre is at most the radius.</summary>
    public bool Contains(double latitude, double longitude) => DistanceKm(latitude, longitude) <= RadiusKm;

    /// <summary>Great-circle (haversine) distance from the centre.</summary>
    public double DistanceKm(double latitude, double longitude)
    {
        var dLat = ToRadians(latitude - Latitude);
        var dLon = ToRadians(longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
