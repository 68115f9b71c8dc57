"""Child process of the kill harness: writes through the services as fast as it can. Before
each save it prints what it is about to do, after the commit returned it prints "done"; the
parent SIGKILLs it at random moments."""

from __future__ import annotations

import random
import sys
import uuid
from datetime import date
from pathlib import Path

from clusterdesk.services import members
from clusterdesk.services.context import ServiceContext
from clusterdesk.store.models import Contact, Interaction
from clusterdesk.store.workspace import open_workspace


def main(path: str, backup_root: str, seed: int) -> None:
    rng = random.Random(seed)
    ws = open_workspace(Path(path), backup_root=Path(backup_root))
    ctx = ServiceContext(ws, f"child-{seed}")
    print("ready", flush=True)
    created: list[uuid.UUID] = []
    n = 0
    while True:
        n += 1
        action = rng.random()
        if action < 0.6 or not created:
            # one transaction: a member with two contacts and three interactions
            member_id = uuid.uuid4()
            print(f"begin created {member_id.hex}", flush=True)
            with ctx.uow() as uow:
                data = members.validate_member(members.MemberInput(
                    name=f"Member {seed}-{n}", city="Odense", sectors=("Water",), tags=(f"t{n % 7}",)))
                member = members.add_member(uow.session, data, date(2026, 11, 27))
                member.id = member_id
                contacts = [Contact(id=uuid.uuid4(), member_id=member.id, name=f"Person {i}")
                            for i in range(2)]
                uow.session.add_all(contacts)
                for i in range(3):
                    uow.session.add(Interaction(member_id=member.id, contact_id=contacts[i % 2].id,
                                                occurred_on=date(2026, 1, 1 + i), summary=f"call {i}"))
                uow.commit()
            created.append(member.id)
            print("done", flush=True)
        elif action < 0.85:
            target = rng.choice(created)
            detail = members.get_member(ctx, target)
            new_city = f"City-{n}"
            print(f"begin updated {target.hex} {new_city}", flush=True)
            members.update_member(ctx, target, members.MemberInput(
                **{**detail.data.__dict__, "city": new_city}))
            print("done", flush=True)
        else:
            target = rng.choice(created)
            print(f"begin deleted {target.hex}", flush=True)
            members.delete_member(ctx, target)
            created.remove(target)
            print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
