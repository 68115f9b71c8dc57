"""Use cases. One public function = one user action = one transaction. No Qt here."""
