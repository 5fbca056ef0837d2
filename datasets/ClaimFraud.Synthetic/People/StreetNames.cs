using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.People;

/// <summary>
/// Street addresses in the Indonesian style (Jl./Gg. + name + number, often RT/RW). Bogus' id_ID street names mix in
/// English surnames ("Jln. Hermann"), so the names here are the common ones: national heroes, flowers, trees, and
/// the village's own name ("Jl. Raya Bangka").
/// </summary>
internal static class StreetNames
{
    private static readonly string[] Names =
    [
        "Merdeka", "Sudirman", "Jend. Sudirman", "Diponegoro", "Ahmad Yani", "A. Yani", "Gatot Subroto", "Imam Bonjol",
        "Gajah Mada", "Hayam Wuruk", "Pattimura", "Sisingamangaraja", "Teuku Umar", "Cut Nyak Dhien", "Kartini",
        "R.A. Kartini", "Dewi Sartika", "Sultan Hasanuddin", "Pahlawan", "Veteran", "Pemuda", "Pramuka", "Kemerdekaan",
        "Ki Hajar Dewantara", "Dr. Sutomo", "Dr. Wahidin", "M.H. Thamrin", "Hos Cokroaminoto", "Wahid Hasyim",
        "Supriyadi", "Slamet Riyadi", "Gunung Sari", "Sriwijaya", "Majapahit", "Mataram", "Pajajaran", "Siliwangi",
        "Melati", "Mawar", "Anggrek", "Kenanga", "Cempaka", "Flamboyan", "Dahlia", "Kamboja", "Teratai", "Seroja",
        "Mangga", "Rambutan", "Durian", "Kelapa", "Nangka", "Jambu", "Belimbing", "Sawo", "Manggis", "Salak",
        "Beringin", "Cendana", "Jati", "Mahoni", "Cemara", "Bambu", "Pinang", "Asem",
        "Masjid", "Pasar", "Stasiun", "Sekolah", "Pesantren", "Lapangan", "Kebun", "Irigasi", "Bendungan", "Pelabuhan",
        "Kenari", "Cendrawasih", "Rajawali", "Merpati", "Garuda", "Elang", "Kutilang", "Nuri", "Perkutut",
    ];

    public static string Street(Rng rng, string village)
    {
        double u = rng.NextDouble();
        string road = u < 0.12 ? "Jl. Raya " + village
            : u < 0.75 ? "Jl. " + rng.Pick(Names)
            : u < 0.92 ? "Gg. " + rng.Pick(Names)
            : "Dusun " + village;
        int number = 1 + (int)rng.Exponential(25);
        if (number > 300) number = 1 + rng.Next(300);
        string s = road + " No. " + number;
        if (rng.Chance(0.55)) s += $" RT {1 + rng.Next(15):D3}/RW {1 + rng.Next(12):D3}";
        return s;
    }
}
