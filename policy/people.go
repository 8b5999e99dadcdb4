package policy

import (
	"context"
	"net/mail"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"

	"leerlus"
)

// Person is someone with an account.
type Person struct {
	ID           string    `gorm:"column:id;primaryKey"`
	Email        string    `gorm:"column:email"`
	Name         string    `gorm:"column:name"`
	PasswordHash string    `gorm:"column:password_hash"`
	IsAdmin      bool      `gorm:"column:is_admin"`
	Disabled     bool      `gorm:"column:disabled"`
	CreatedAt    time.Time `gorm:"column:created_at"`
	UpdatedAt    time.Time `gorm:"column:updated_at"`
	Version      int       `gorm:"column:version"`
}

// TableName names the table.
func (Person) TableName() string { return "people" }

// NormaliseEmail makes e-mail addresses compare alike however they were
// typed: NFKC folds compatibility forms (full-width letters, ligatures,
// composed and decomposed accents) into one, then case and surrounding
// space are dropped.
func NormaliseEmail(email string) string {
	return strings.TrimSpace(norm.NFKC.String(strings.ToLower(norm.NFKC.String(email))))
}

// validEmail accepts a bare address (no display name), as people type it.
func validEmail(email string) bool {
	if len(email) > 254 || strings.ContainsAny(email, " <>") {
		return false
	}
	a, err := mail.ParseAddress(email)
	return err == nil && a.Address == email && strings.Contains(email[strings.IndexByte(email, '@'):], ".")
}

// checkName validates a display name.
func checkName(v *leerlus.Validation, field, name string) {
	leerlus.CheckLength(v, field, strings.TrimSpace(name), 1, 100)
}

// NewPerson is the input for creating an account.
type NewPerson struct {
	Email    string
	Name     string
	Password string
	IsAdmin  bool
}

// newAccount validates a name and a new password and hashes the password.
// It runs before any write transaction: argon2id takes tens of
// milliseconds and 46 MiB, and SQLite's one write lock must not wait for it.
func (s *Service) newAccount(v *leerlus.Validation, name, password string) (*Person, error) {
	name = strings.TrimSpace(name)
	checkName(v, "name", name)
	CheckPassword(v, "password", password)
	if err := v.Err(); err != nil {
		return nil, err
	}
	hash, err := s.hash(password)
	if err != nil {
		return nil, err
	}
	return &Person{ID: leerlus.NewID(), Name: name, PasswordHash: hash}, nil
}

// insertPerson writes a prepared account inside tx, with its audit entry.
func (s *Service) insertPerson(tx *gorm.DB, actor Actor, p *Person) error {
	now := s.clock()
	p.CreatedAt, p.UpdatedAt, p.Version = now, now, 1
	if err := tx.Create(p).Error; err != nil {
		if leerlus.IsDuplicate(err) {
			return leerlus.FieldFailure(leerlus.CodeConflict, "An account with this e-mail address exists already.", "email", leerlus.FieldInUse, nil)
		}
		return err
	}
	if actor.PersonID == "" {
		actor.PersonID = p.ID
	}
	return s.audit.Record(tx, actor, Event{Action: ActionPersonCreated, ObjectType: "person", ObjectID: p.ID})
}

// CreatePerson creates an account (used by `leerlus admin create` and the demo).
func (s *Service) CreatePerson(ctx context.Context, actor Actor, in NewPerson) (*Person, error) {
	var v leerlus.Validation
	email := NormaliseEmail(in.Email)
	checkEmail(&v, email)
	p, err := s.newAccount(&v, in.Name, in.Password)
	if err != nil {
		return nil, err
	}
	p.Email, p.IsAdmin = email, in.IsAdmin
	return p, s.db.InTx(ctx, func(tx *gorm.DB) error { return s.insertPerson(tx, actor, p) })
}

// GetPerson returns one account.
func (s *Service) GetPerson(ctx context.Context, id string) (*Person, error) {
	return s.getPerson(s.db.WithContext(ctx), id)
}

func (s *Service) getPerson(tx *gorm.DB, id string) (*Person, error) {
	var p Person
	if !leerlus.ValidID(id) {
		return nil, leerlus.Errorf(leerlus.CodeNotFound, "There is no such person.")
	}
	if err := tx.Where("id = ?", id).Take(&p).Error; err != nil {
		if leerlus.IsNotFound(err) {
			return nil, leerlus.Errorf(leerlus.CodeNotFound, "There is no such person.")
		}
		return nil, err
	}
	return &p, nil
}

// ListPeople pages through accounts, optionally matching q in name or e-mail.
func (s *Service) ListPeople(ctx context.Context, q string, p leerlus.Page) ([]Person, string, error) {
	q = strings.ToLower(strings.TrimSpace(q))
	var v leerlus.Validation
	leerlus.CheckLength(&v, "q", q, 0, 200)
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	db := s.db.WithContext(ctx).Model(&Person{})
	if q != "" {
		like := "%" + leerlus.EscapeLike(q) + "%"
		db = db.Where("(LOWER(name) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')", like, like)
	}
	return leerlus.PageByID(db, p, func(x Person) string { return x.ID })
}

// PersonChange is an admin's edit of an account; nil fields stay as they are.
type PersonChange struct {
	Name     *string
	IsAdmin  *bool
	Disabled *bool
	Version  int
}

// UpdatePerson applies an admin's change, refusing a stale version.
func (s *Service) UpdatePerson(ctx context.Context, actor Actor, id string, ch PersonChange) (*Person, error) {
	var v leerlus.Validation
	if ch.Name != nil {
		*ch.Name = strings.TrimSpace(*ch.Name)
		checkName(&v, "name", *ch.Name)
	}
	leerlus.CheckVersion(&v, ch.Version)
	// An admin cannot lock themselves out: each refused change is named by
	// the field that asked for it.
	if id == actor.PersonID && ch.IsAdmin != nil && !*ch.IsAdmin {
		v.Add("is_admin", leerlus.FieldOwnAccount, nil)
	}
	if id == actor.PersonID && ch.Disabled != nil && *ch.Disabled {
		v.Add("disabled", leerlus.FieldOwnAccount, nil)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *Person
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		cols := map[string]any{"updated_at": s.clock(), "version": gorm.Expr("version + 1")}
		if ch.Name != nil {
			cols["name"] = *ch.Name
		}
		if ch.IsAdmin != nil {
			cols["is_admin"] = *ch.IsAdmin
		}
		if ch.Disabled != nil {
			cols["disabled"] = *ch.Disabled
		}
		if err := leerlus.UpdateVersioned(tx, &Person{}, id, ch.Version, cols, "person", ""); err != nil {
			return err
		}
		if ch.Disabled != nil && *ch.Disabled {
			// A disabled account loses its sessions and tokens at once, so
			// enabling it again does not bring them back.
			if err := tx.Where("person_id = ?", id).Delete(&Session{}).Error; err != nil {
				return err
			}
			if _, err := s.revokeAllTokens(tx, actor, id); err != nil {
				return err
			}
		}
		var err error
		if out, err = s.getPerson(tx, id); err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionPersonChanged, ObjectType: "person", ObjectID: id})
	})
	return out, err
}

// ChangeName lets a person rename themselves.
func (s *Service) ChangeName(ctx context.Context, actor Actor, name string) (*Person, error) {
	name = strings.TrimSpace(name)
	var v leerlus.Validation
	checkName(&v, "name", name)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *Person
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Model(&Person{}).Where("id = ?", actor.PersonID).
			Updates(map[string]any{"name": name, "updated_at": s.clock(), "version": gorm.Expr("version + 1")}).Error; err != nil {
			return err
		}
		var err error
		if out, err = s.getPerson(tx, actor.PersonID); err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionPersonChanged, ObjectType: "person", ObjectID: actor.PersonID})
	})
	return out, err
}

// ChangePassword replaces a person's password after checking the current
// one, ends their other sessions and revokes all their personal access
// tokens (each revocation is audited as token.revoked), since whoever knew
// the old password may have made them.
func (s *Service) ChangePassword(ctx context.Context, actor Actor, keepSessionHash, current, next string) error {
	p, err := s.GetPerson(ctx, actor.PersonID)
	if err != nil {
		return err
	}
	// Wrong current passwords back off like sign-in, so a stolen session
	// or token cannot guess the password that would take the account over.
	subject := passwordKey(p.ID)
	if wait, err := s.backoff(ctx, subject); err != nil {
		return err
	} else if wait > 0 {
		return tooManyAttempts(wait)
	}
	var v leerlus.Validation
	currentOK := s.verify(current, p.PasswordHash)
	v.Check(currentOK, "current_password", leerlus.FieldWrongPassword, nil)
	CheckPassword(&v, "new_password", next)
	if !currentOK {
		if err := s.recordFailure(ctx, actor, subject,
			Event{Action: ActionPasswordChangeFailed, ObjectType: "person", ObjectID: p.ID, Outcome: OutcomeFailure}); err != nil {
			return err
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	hash, err := s.hash(next)
	if err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Model(&Person{}).Where("id = ?", p.ID).
			Updates(map[string]any{"password_hash": hash, "updated_at": s.clock()}).Error; err != nil {
			return err
		}
		if err := tx.Where("person_id = ? AND id_hash <> ?", p.ID, keepSessionHash).Delete(&Session{}).Error; err != nil {
			return err
		}
		if err := clearFailures(tx, subject); err != nil {
			return err
		}
		if err := s.audit.Record(tx, actor, Event{Action: ActionPersonPasswordChange, ObjectType: "person", ObjectID: p.ID}); err != nil {
			return err
		}
		_, err := s.revokeAllTokens(tx, actor, p.ID)
		return err
	})
}

// CountPeople returns how many accounts exist (the demo loads only into an
// empty database).
func (s *Service) CountPeople(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Person{}).Count(&n).Error
	return n, err
}
