namespace BowInbox.Core.Scanning;

/// <summary>The words that make a number a reference, and the words that may stand between such a word and its number.</summary>
internal static partial class PhoneContext
{
    // A number right after one of these (skipping "number", "is", "#"...) is a reference, not a phone.
    private static readonly HashSet<string> ReferenceWords = new(
        [
            "job", "order", "ticket", "invoice", "inv", "ref", "reference", "receipt", "booking", "reservation",
            "confirmation", "conf", "tracking", "serial", "sn", "model", "part", "sku", "item", "account", "acct", "claim",
            "policy", "po", "id", "pin", "code", "codes", "zips", "postcodes", "codigos", "códigos", "door", "gate", "lockbox", "room", "zip", "postcode", "postal", "quote",
            "estimate", "permit", "license", "licence", "vin", "plate", "meter", "unit", "lot", "batch", "voucher", "coupon",
            "pedido", "factura", "referencia", "recibo", "reserva", "expediente", "modelo", "serie", "pieza", "codigo", "código",
            "clave", "portal", "puerta", "cp", "folio", "orden", "presupuesto", "dni", "nif", "nie", "cif", "rfc", "curp",
            "ssn", "licencia", "permiso", "matricula", "matrícula", "placa", "contador", "cuenta", "lote", "cupon", "cupón",
            "contraseña", "password", "wifi", "tarjeta", "card", "siniestro", "poliza", "póliza", "seguimiento", "albaran", "albarán",
            "pedido", "sinistro", "apolice", "apólice", "protocolo", "nota", "fiscal", "fatura", "cpf", "cnpj", "cep", "nif", "contribuinte",
            "rastreio", "medidor", "leitura", "instalacao", "instalação", "cliente", "senha", "codigo", "série",
            "commande", "sinistre", "dossier", "contrat", "facture", "reservation", "réservation", "compteur", "releve", "relevé", "pdl", "prm",
            "assurance", "siret", "siren", "tva", "colis", "suivi", "série", "digicode", "référence",
            "bestellung", "auftrag", "rechnung", "kunde", "kunden", "vertrag", "versicherung", "versicherungsschein", "police", "polizze",
            "zähler", "zählerstand", "zaehler", "plz", "steuer", "ust", "sendung", "fabrikation", "e-nr", "enr", "fd", "buchung", "schaden",
            "consumer", "complaint", "customer", "pin", "pincode", "gst", "gstin", "pan", "aadhaar", "aadhar", "ifsc", "awb", "docket",
            "registration", "reg", "application", "roll", "tracking", "parcel", "shipment", "incident", "warranty",
            "insurer", "insurance", "seguro", "aseguradora", "seguradora", "assureur", "versicherer", "client", "clients",
            // Case and ticket words: "Vorgang 4455 1122", "chamado 5678 9012", "incidencia 1234 5678".
            "ean", "gtin", "upc", "isbn", "asin", "imei", "mpn", "vorgang", "aktenzeichen", "az", "case", "caso", "incidencia", "chamado", "ordem", "ocorrencia", "ocorrência", "demande", "requete", "requête",
            // Contracts, warranties and requests: "CUPS del contrato", "folio de la garantía", "service request number".
            "contract", "contrato", "contratto", "cups", "warranty", "garantia", "garantía", "garantie", "request", "solicitud", "solicitação", "solicitacao", "anfrage",
            // Complaints, parts, readings, land, health and connection numbers: "protocolo da reclamação", "NHS number".
            "reclamação", "reclamacao", "reclamación", "reclamacion", "réclamation", "reclamation", "beschwerde", "reklamation",
            "pièce", "piece", "peça", "peca", "reading", "readings", "lectura", "catastral", "cadastral", "cadastre",
            "nhs", "medicare", "patient", "paciente", "sus", "cns", "connection", "connexion", "conexion", "conexión", "conexao", "conexão", "anschluss",
            // Utility accounts: "bijli ka CA number", "electricity account", "gas connection".
            "gas", "bijli", "electricity", "utility", "strom", "luz", "électricité", "electricite", "electricidad", "eletricidade", "energia",
            // Tax ids of the served countries and Portugal's supply point: "RUT 76.543.210-K", "NIT", "CUIT", "CPE PT 0002…".
            "rut", "ruc", "nit", "cuit", "cuil", "rif", "rtn", "cpe",
            // Waybills, vehicle papers, appointments and abbreviated references: "guía de Cargo Expreso", "renavam", "cita nº", "réf.".
            "guía", "guia", "waybill", "consignment", "renavam", "chassi", "chassis", "cita", "itv", "réf", "rèf",
            // Court and council files, roadworthiness tests and router passwords: "processo na câmara", "MOT test number",
            // "WLAN-Passwort … am Router", "mot de passe".
            "processo", "proceso", "procédure", "procedure", "verfahren", "mot", "passwort", "kennwort", "wlan", "router", "modem",
        ],
        StringComparer.OrdinalIgnoreCase);

    // "case number from the council is": how many words may stand between a reference word and its number.
    private const int MaxTransparent = 6;

    private static readonly HashSet<string> TransparentWords = new(
        [
            "number", "numbers", "no", "nº", "num", "nr", "nbr", "numero", "número", "is", "es", "the", "el", "la", "de", "del", "your", "tu", "su",
            "our", "nuestro", "was", "era", "my", "mi", "do", "da", "dos", "das", "o", "a", "meu", "minha", "seu", "sua", "é", "para", "du", "des",
            "d", "n", "le", "mon", "ma", "votre", "est", "c", "n°", "der", "die", "den", "dem", "des", "mein", "meine", "ihre", "ist", "lautet",
            "hai", "ka", "ki", "ke", "mera", "meri", "on", "for", "amazon", "ebay", "at", "al", "en", "em", "sur", "bei",
            // What kind of policy or service a reference belongs to: "claim number with the insurer", "póliza de hogar",
            // "protocolo de atendimento". They never make a number a reference alone, only let the reference word reach it.
            "with", "from", "con", "com", "avec", "mit", "von", "vom", "home", "hogar", "casa", "maison", "habitation", "car", "auto",
            "coche", "carro", "vida", "life", "atendimento", "atencion", "atención", "service", "servicio", "serviço", "servico",
            // Where the reference was issued and what paper it is on: "pedido na Leroy é", "job sheet no.", "contrat d'entretien".
            "na", "nas", "nos", "im", "beim", "in", "chez", "sheet", "form", "slip", "report", "ficha", "hoja", "folha", "fiche", "blatt",
            "entretien", "maintenance", "mantenimiento", "manutenção", "manutencao", "wartung", "ca",
            // Who issued it and how it is given: "case number from the council is", "contrato de Iberdrola tiene el número".
            "council", "city", "bank", "company", "ayuntamiento", "compañía", "compania", "empresa", "prefeitura", "mairie", "compagnie",
            "gemeinde", "stadt", "firma", "has", "tiene", "tem", "hat", "says", "dice", "diz",
            // What it is for and where it stands: "orden de trabajo", "PDL pour la mise en service", "auf dem Typenschild".
            "trabajo", "trabalho", "travail", "work", "pour", "für", "mise", "auf",
            // What the batch or paper is of: "o lote da tinta é", "renavam da moto", "carte mère de la machine".
            "tinta", "paint", "peinture", "farbe", "pintura", "of", "moto", "veículo", "veiculo", "vehicle", "machine", "máquina", "maquina", "carte", "mère",
            // Who holds it and which appliance or office: "SIRET de l'entreprise", "série de la chaudière", "expediente municipal".
            "l", "entreprise", "société", "societe", "sociedad", "unternehmen", "test", "municipal", "municipale", "câmara", "camara",
            "chaudière", "chaudiere", "caldera", "caldeira", "boiler", "heizung", "kessel", "therme", "geyser", "steht", "hinten", "am",
        ],
        StringComparer.OrdinalIgnoreCase);

    // Declared in this part, after the sets: the order of initializers across the parts of a class is not defined.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> References = ReferenceWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Transparent = TransparentWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
