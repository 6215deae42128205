from uitruil import services


def voorstel(provincie, prt, a, b, cyclus, *, plekken=0, personen=0, van=None, tot=None):
    return services.afspraak_opslaan(
        provincie=provincie,
        user=prt,
        data={
            "cyclus": cyclus,
            "gemeente_a": a,
            "gemeente_b": b,
            "asiel_plekken": plekken,
            "statushouders": personen,
            "halfjaar_van": van,
            "halfjaar_tot": tot or van,
            "kenmerk": "D/25/1",
        },
    )


def akkoord(provincie, prt, a, b, cyclus, **kwargs):
    afspraak = voorstel(provincie, prt, a, b, cyclus, **kwargs)
    return services.afspraak_akkoord(afspraak=afspraak, user=prt)
