package policy

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"

	"leerlus"
)

// Person is someone with an account.
type Person struct {
	ID           string    `gorm:"column:id;primaryKey" json:"id"`
	Email        string    `gorm:"column:email" json:"email"`
	Name         string    `gorm:"column:name" json:"name"`
	PasswordHash string    `gorm:"column:password_hash" json:"-"`
	IsAdmin      bool      `gorm:"column:is_admin" json:"is_admin"`
	Disabled     bool      `gorm:"column:disabled" json:"disabled"`
	CreatedAt    time.Time `gorm:"column:created_at" json:"created_at"`
	UpdatedAt    time.Time `gorm:"column:updated_at" json:"-"`
	Version      int       `gorm:"column:version" json:"version"`
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
	n := utf8.RuneCountInString(strings.TrimSpace(name))
	v.Check(n >= 1 && n <= 100, field, "must be 1 to 100 characters")
}

// NewPerson is the input for creating an account.
type NewPerson struct {
	Email    string
	Name     string
	Password string
	IsAdmin  bool
}

func (s *Service) validateNewPerson(in *NewPerson) error {
	in.Email = NormaliseEmail(in.Email)
	in.Name = strings.TrimSpace(in.Name)
	var v leerlus.Validation
	checkEmail(&v, in.Email)
	checkName(&v, "name", in.Name)
	if msg := CheckPassword(in.Password); msg != "" {
		v.Add("password", msg)
	}
	return v.Err()
}

// createPerson inserts an account inside tx.
func (s *Service) createPerson(tx *gorm.DB, actor Actor, in NewPerson) (*Person, error) {
	if err := s.validateNewPerson(&in); err != nil {
		return nil, err
	}
	hash, err := s.hash(in.Password)
	if err != nil {
		return nil, err
	}
	now := s.clock()
	p := &Person{ID: newID(), Email: in.Email, Name: in.Name, PasswordHash: hash, IsAdmin: in.IsAdmin,
		CreatedAt: now, UpdatedAt: now, Version: 1}
	if err := tx.Create(p).Error; err != nil {
		if leerlus.IsDuplicate(err) {
			return nil, &leerlus.Error{Code: leerlus.CodeConflict, Message: "An account with this e-mail address exists already.",
				Fields: []leerlus.FieldError{{Field: "email", Message: "is in use already"}}}
		}
		return nil, err
	}
	if actor.PersonID == "" {
		actor.PersonID = p.ID
	}
	return p, s.record(tx, actor, Event{Action: "person.created", ObjectType: "person", ObjectID: p.ID})
}

// CreatePerson creates an account (used by `leerlus admin create` and the demo).
func (s *Service) CreatePerson(ctx context.Context, actor Actor, in NewPerson) (*Person, error) {
	var p *Person
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		var err error
		p, err = s.createPerson(tx, actor, in)
		return err
	})
	return p, err
}

// GetPerson returns one account.
func (s *Service) GetPerson(ctx context.Context, id string) (*Person, error) {
	return s.getPerson(s.db.WithContext(ctx), id)
}

func (s *Service) getPerson(tx *gorm.DB, id string) (*Person, error) {
	var p Person
	if !ValidID(id) {
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
	db := s.db.WithContext(ctx).Model(&Person{})
	if q = strings.ToLower(strings.TrimSpace(q)); q != "" {
		like := "%" + escapeLike(q) + "%"
		db = db.Where("(LOWER(name) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')", like, like)
	}
	return pageByID(db, p, func(x Person) string { return x.ID })
}

// escapeLike makes user input literal inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// pageByID runs a list query ordered by (time-ordered) id and returns one
// page plus the position of the next one.
func pageByID[T any](db *gorm.DB, p leerlus.Page, id func(T) string) ([]T, string, error) {
	if p.After != "" {
		db = db.Where("id > ?", p.After)
	}
	var rows []T
	if err := db.Order("id").Limit(p.Limit + 1).Find(&rows).Error; err != nil {
		return nil, "", err
	}
	if len(rows) <= p.Limit {
		return rows, "", nil
	}
	rows = rows[:p.Limit]
	return rows, id(rows[len(rows)-1]), nil
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
	v.Check(ch.Version >= 1, "version", "is required: the version you last saw")
	if id == actor.PersonID && ((ch.IsAdmin != nil && !*ch.IsAdmin) || (ch.Disabled != nil && *ch.Disabled)) {
		v.Add("is_admin", "you cannot remove your own administrator rights or disable yourself")
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
		if err := updateVersioned(tx, &Person{}, id, ch.Version, cols, "person"); err != nil {
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
		return s.record(tx, actor, Event{Action: "person.changed", ObjectType: "person", ObjectID: id})
	})
	return out, err
}

// updateVersioned updates one row by id only if its version is still the
// one the caller saw, so that concurrent edits never overwrite each other
// silently: the loser gets a conflict and reloads.
func updateVersioned(tx *gorm.DB, model any, id string, version int, cols map[string]any, what string) error {
	if !ValidID(id) {
		return leerlus.Errorf(leerlus.CodeNotFound, "There is no such %s.", what)
	}
	res := tx.Model(model).Where("id = ? AND version = ?", id, version).Updates(cols)
	if res.Error != nil {
		if leerlus.IsDuplicate(res.Error) {
			return leerlus.Errorf(leerlus.CodeConflict, "Another %s has this name already.", what)
		}
		return res.Error
	}
	if res.RowsAffected == 1 {
		return nil
	}
	var n int64
	if err := tx.Model(model).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return leerlus.Errorf(leerlus.CodeNotFound, "There is no such %s.", what)
	}
	return &leerlus.Error{Code: leerlus.CodeConflict, Message: "Someone else changed this in the meantime. Reload and try again.",
		Fields: []leerlus.FieldError{{Field: "version", Message: "is not the current version"}}}
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
		return s.record(tx, actor, Event{Action: "person.changed", ObjectType: "person", ObjectID: actor.PersonID})
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
	v.Check(currentOK, "current_password", "is not your current password")
	if msg := CheckPassword(next); msg != "" {
		v.Add("new_password", msg)
	}
	if !currentOK {
		if err := s.recordFailure(ctx, actor, subject,
			Event{Action: "person.password_change_failed", ObjectType: "person", ObjectID: p.ID}); err != nil {
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
		if err := s.record(tx, actor, Event{Action: "person.password_changed", ObjectType: "person", ObjectID: p.ID}); err != nil {
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
